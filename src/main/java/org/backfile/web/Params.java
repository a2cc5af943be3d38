package org.backfile.web;

import org.backfile.ingest.PartialDate;
import org.backfile.search.InvalidParameterException;
import spark.Request;

/** Turns query parameters into typed values, naming the parameter when one is wrong. */
final class Params {

  private Params() {}

  static String string(Request req, String name) {
    String v = req.queryParams(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  static int integer(Request req, String name, int defaultValue) {
    String v = string(req, name);
    if (v == null) return defaultValue;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, name + " must be a whole number, got '" + v + "'");
    }
  }

  static boolean bool(Request req, String name) {
    String v = string(req, name);
    if (v == null) return false;
    return switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new InvalidParameterException(name, name + " must be true or false, got '" + v + "'");
    };
  }

  static PartialDate date(Request req, String name) {
    String v = string(req, name);
    if (v == null) return null;
    try {
      return PartialDate.parse(v);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(name, name + ": " + e.getMessage());
    }
  }

  static int pathInt(Request req, String name, String what) {
    String v = req.params(name);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw HttpError.notFound("No " + what + " '" + v + "'");
    }
  }
}
