package org.backfile.web;

/** Every error response: {@code {"error": "stable_code", "message": "A sentence."}}. */
record ErrorBody(String error, String message) {}
