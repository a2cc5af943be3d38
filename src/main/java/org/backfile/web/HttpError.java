package org.backfile.web;

/** An HTTP error with a status, a stable code and a sentence for the user. */
final class HttpError extends RuntimeException {

  private final int status;
  private final String code;

  HttpError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static HttpError notFound(String message) {
    return new HttpError(404, "not_found", message);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
