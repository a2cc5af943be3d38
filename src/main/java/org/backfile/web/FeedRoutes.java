package org.backfile.web;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.backfile.ingest.PartialDate;
import org.backfile.search.ArchiveSearch;
import org.backfile.search.Hit;
import org.backfile.search.SearchPage;
import org.backfile.search.SearchRequest;
import spark.Request;
import spark.Service;

/**
 * Atom feeds: the newest articles, any search (so a researcher can subscribe to a query), and an
 * author's articles. The XML writer escapes every value.
 */
final class FeedRoutes {

  private static final int ENTRIES = 20;
  private static final String ATOM = "http://www.w3.org/2005/Atom";

  private final ArchiveSearch search;

  FeedRoutes(ArchiveSearch search) {
    this.search = search;
  }

  void register(Service http) {
    http.get("/feed.xml", (req, res) -> {
      SearchRequest r = feedRequest(req, Params.string(req, "author"));
      res.type("application/atom+xml; charset=utf-8");
      String title = r.query().isEmpty() ? "Backfile: newest articles" : "Backfile: " + r.query();
      return atom(req, title, req.pathInfo() + (req.queryString() == null ? "" : "?" + req.queryString()), search.search(r));
    });
    http.get("/authors/:name/feed.xml", (req, res) -> {
      String name = req.params(":name");
      SearchPage page = search.search(feedRequest(req, name));
      if (page.total() == 0) throw HttpError.notFound("No author named '" + name + "'");
      res.type("application/atom+xml; charset=utf-8");
      return atom(req, "Backfile: articles by " + name, req.pathInfo(), page);
    });
  }

  private static SearchRequest feedRequest(Request req, String author) {
    return new SearchRequest(Params.string(req, "q"), author, Params.date(req, "from"),
        Params.date(req, "to"), Params.string(req, "section"), Params.string(req, "publication"),
        Params.string(req, "language"), Params.string(req, "type"), Params.string(req, "tag"),
        false, SearchRequest.Sort.NEWEST, 1, ENTRIES, null);
  }

  private static String atom(Request req, String title, String self, SearchPage page) throws XMLStreamException {
    String base = req.scheme() + "://" + req.host();
    StringWriter out = new StringWriter();
    XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    x.writeStartDocument("UTF-8", "1.0");
    x.writeStartElement("feed");
    x.writeDefaultNamespace(ATOM);
    element(x, "title", title);
    element(x, "id", base + self);
    x.writeEmptyElement("link");
    x.writeAttribute("rel", "self");
    x.writeAttribute("href", base + self);
    List<Hit> hits = page.hits();
    element(x, "updated", hits.isEmpty() ? timestamp(null) : timestamp(hits.get(0).published()));
    element(x, "generator", "Backfile");
    for (Hit h : hits) {
      x.writeStartElement("entry");
      element(x, "title", h.title());
      element(x, "id", "urn:backfile:article:" + h.id());
      x.writeEmptyElement("link");
      x.writeAttribute("href", base + View.articleUrl(h.id(), h.title()));
      element(x, "updated", timestamp(h.published()));
      if (h.published() != null) element(x, "published", timestamp(h.published()));
      for (String author : h.authors()) {
        x.writeStartElement("author");
        element(x, "name", author);
        x.writeEndElement();
      }
      if (h.summary() != null) element(x, "summary", h.summary());
      x.writeEndElement();
    }
    x.writeEndElement();
    x.writeEndDocument();
    x.close();
    return out.toString();
  }

  /** Atom wants a full timestamp: a partial date stands for its first day; undated for the epoch. */
  private static String timestamp(PartialDate d) {
    LocalDate day = d == null ? LocalDate.EPOCH : d.start();
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(day.atStartOfDay().atOffset(ZoneOffset.UTC));
  }

  private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
    x.writeStartElement(name);
    // XML 1.0 cannot carry most control characters (old wire copy has them): drop them.
    x.writeCharacters(text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", ""));
    x.writeEndElement();
  }
}
