package org.backfile.search;

/** A parameter with a value outside what it accepts. */
public final class InvalidParameterException extends ArchiveUserException {

  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  @Override
  public String code() {
    return "bad_parameter";
  }
}
