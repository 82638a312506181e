package io.quire.api.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of an action that takes no fields ({@code publish}, {@code approve}): none at all, or an
 * empty JSON object. Read like any other body, so that a body sent to it is still checked: an
 * unknown field such as {@code {"status": "archived"}} is a 400 instead of being silently ignored,
 * malformed JSON is {@code malformed_json}, and another content type is 415.
 */
@Schema(name = "NoFields", description = "No fields: send no body, or {}.")
public record NoFields() {}
