package org.backfile.cli;

/** The command-line entry point: sets the log level first, then runs the command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Logging.configure(args);
    int code = Cli.run(args, System.out, System.err);
    if (code != 0 || !Cli.keepsRunning(args)) {
      System.exit(code);
    }
  }
}
