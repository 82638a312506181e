/**
 * Personal data in events, encrypted per person (crypto-shredding): {@link PersonalDataKeys} keeps
 * one key per person outside the event store, sealed under {@code QUIRE_SECRET_KEY}; {@link
 * PersonalDataCipher} seals a value with its person's key and opens it again, or answers {@value
 * PersonalDataCipher#ERASED} once the key is destroyed. Which event fields are personal data, and
 * what is left to wire: docs/architecture.md, <i>Personal data in events</i>.
 */
package io.quire.command.privacy;
