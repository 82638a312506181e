/** The Quire application: its entry point scans the command side, the query side and the API. */
package io.quire;
