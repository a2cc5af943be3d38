package org.backfile.web;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import org.backfile.ingest.PartialDate;

/** The one Gson of the application: thread-safe, immutable, shared. Dates are written as text. */
public final class Json {

  public static final Gson GSON = new GsonBuilder()
      .disableHtmlEscaping()
      .serializeNulls() // every record has every key, so clients need not guess
      .registerTypeAdapter(PartialDate.class, new PartialDateAdapter().nullSafe())
      .create();

  private Json() {}

  private static final class PartialDateAdapter extends TypeAdapter<PartialDate> {
    @Override
    public void write(JsonWriter out, PartialDate value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public PartialDate read(JsonReader in) throws IOException {
      return PartialDate.parse(in.nextString());
    }
  }
}
