package org.backfile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.Article;
import org.backfile.ingest.BulkImporter;
import org.backfile.ingest.PartialDate;
import org.backfile.search.LuceneArchiveSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reader pages in a real browser: sample-data/ → import → index → WebServer on a free port →
 * headless Chromium through its chromedriver. Without a browser the tests are skipped on a developer
 * machine and fail under CI ({@code CI=true}), so a missing install never passes silently.
 */
class BrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String XSS_ID = "xss0000000000001";
  private static final String XSS_TITLE = "Harmless looking <script>window.__pwned=1</script> title";
  private static final String PAYLOAD = "<script>window.__pwned=1;alert('x')</script>"
      + "<img src=x onerror=\"window.__pwned=1;alert(1)\">";

  /** Names the elements that stick out to the right of a 360 px viewport. */
  private static final String TOO_WIDE = "return [...document.querySelectorAll('body *')]"
      + ".filter(e => e.getBoundingClientRect().right > 360.5)"
      + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8).join(', ')";

  /** Lists visible elements whose own text has less than 4.5:1 contrast with the background behind it. */
  private static final String LOW_CONTRAST = """
      const rgb = c => c.match(/[\\d.]+/g).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
          .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
      const background = e => {
        for (; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const bad = [];
      for (const e of document.querySelectorAll('body *')) {
        const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (!own || !e.getClientRects().length || e.closest('.skip')) continue;
        const a = lum(rgb(getComputedStyle(e).color)), b = lum(background(e));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) bad.push(e.tagName + '.' + e.className + ' ' + ratio.toFixed(2));
      }
      return bad.join(', ');
      """;

  @TempDir
  static Path dir;

  private static ArchiveIndex sampleIndex;
  private static ArchiveIndex hostileIndex;
  private static WebServer sample;
  private static WebServer hostile;
  private static ChromeDriver browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void startArchiveAndBrowser() throws Exception {
    requireBrowser();
    sampleIndex = ArchiveIndex.openWritable(dir.resolve("sample"));
    new BulkImporter(BulkImporter.Options.defaults(), sampleIndex)
        .run(BulkImporter.listFiles(List.of(Path.of("sample-data"))), p -> {});
    sampleIndex.refreshNow();
    sample = WebServer.create(new LuceneArchiveSearch(sampleIndex), "127.0.0.1", 0).start();
    // The payloads live in an archive of their own, so that the screenshots show only sample-data/.
    hostileIndex = ArchiveIndex.openWritable(dir.resolve("hostile"));
    hostileIndex.put(new Article("/srv/private/xss.html", XSS_ID, XSS_TITLE, List.of("Mallory " + PAYLOAD),
        PartialDate.parse("2012-04"), "Pub " + PAYLOAD, "Sec " + PAYLOAD, List.of("tag" + PAYLOAD),
        "javascript:window.__pwned=1", "en", "Dek " + PAYLOAD,
        "Harmless words and " + PAYLOAD + " more harmless words.\n\nA second paragraph " + PAYLOAD,
        "text/html", List.of(), null));
    hostileIndex.put(new Article("/srv/private/plain.html", "plain00000000001", "Harmless neighbour",
        List.of("Ann Lee"), PartialDate.parse("2012"), null, null, List.of(), null, "en", "A dek.",
        "Harmless words about harmless things.", "text/html", List.of(), null));
    hostileIndex.refreshNow();
    hostile = WebServer.create(new LuceneArchiveSearch(hostileIndex), "127.0.0.1", 0).start();

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1280,900",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    desktop();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    if (sample != null) sample.close();
    if (hostile != null) hostile.close();
    if (sampleIndex != null) sampleIndex.close();
    if (hostileIndex != null) hostileIndex.close();
  }

  /** Skips with the reason on a developer machine; fails under CI, where the browser must be installed. */
  private static void requireBrowser() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) return;
    String reason = "BrowserIT needs " + CHROMIUM + " and " + CHROMEDRIVER
        + " (Debian: apt-get install -y chromium chromium-driver)";
    if ("true".equals(System.getenv("CI"))) fail(reason + "; under CI the browser tests may not be skipped");
    assumeTrue(false, reason + "; skipping the browser tests");
  }

  @Test
  void readerSearchesFiltersByYearOpensAnArticleAndFollowsRelatedAuthorAndMonthLinks() {
    desktop();
    open("/");
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("bread");
    box.submit();
    wait.until(ExpectedConditions.urlContains("/search?q=bread"));
    assertTrue(text("main h1").contains("bread"), text("main h1"));
    assertTrue(browser.findElements(By.cssSelector(".hit mark")).size() > 0, "no highlighted snippet");

    WebElement year = browser.findElement(By.xpath("//aside[contains(@class,'facets')]//h3[.='Year']/following-sibling::ul//a"));
    String chosen = year.getText();
    click(year);
    wait.until(ExpectedConditions.urlContains("from=" + chosen));
    assertEquals("Year: " + chosen + " ×", text(".chips .chip"));
    for (WebElement date : browser.findElements(By.cssSelector(".hit time"))) {
      assertTrue(date.getDomAttribute("datetime").startsWith(chosen), date.getDomAttribute("datetime"));
    }
    click(browser.findElement(By.cssSelector(".chips .chip")));
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("from=")));
    assertTrue(browser.findElements(By.cssSelector(".chips .chip")).isEmpty(), "the removed filter is still shown");
    click(browser.findElement(By.xpath("//aside[contains(@class,'facets')]//h3[.='Year']/following-sibling::ul//a")));
    wait.until(ExpectedConditions.urlContains("from="));

    WebElement hit = browser.findElement(By.cssSelector(".hit h2 a"));
    String hitTitle = hit.getText();
    click(hit);
    wait.until(ExpectedConditions.urlContains("/articles/"));
    assertEquals(hitTitle, text("main h1"));
    assertTrue(text(".article .byline").startsWith("Posted by"), text(".article .byline"));
    assertEquals(browser.getCurrentUrl(), canonical());

    WebElement related = browser.findElement(By.cssSelector(".related h3 a"));
    String relatedTitle = related.getText();
    click(related);
    wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), relatedTitle));
    assertFalse(browser.findElements(By.cssSelector(".related")).isEmpty());

    WebElement author = browser.findElement(By.cssSelector("a[rel=author]"));
    String name = author.getText();
    click(author);
    wait.until(ExpectedConditions.urlContains("/authors/"));
    assertEquals(name, text("main h1"));
    assertTrue(browser.findElements(By.cssSelector(".years li")).size() > 0, "no per-year counts");
    assertFalse(browser.findElements(By.cssSelector(".teaser")).isEmpty());

    WebElement month = browser.findElement(By.cssSelector(".sidebar details[open] ul a"));
    String monthName = month.getText();
    click(month);
    wait.until(ExpectedConditions.urlMatches("/archive/\\d{4}/\\d{2}$"));
    assertTrue(text("main h1").startsWith(monthName), text("main h1"));
    assertFalse(browser.findElements(By.cssSelector(".teaser")).isEmpty());
  }

  @Test
  void numberedPagesLinkBackAndForthWithRelPrevAndNext() {
    desktop();
    open("/search?sort=newest");
    assertTrue(browser.findElements(By.cssSelector("a[rel=prev]")).isEmpty());
    click(browser.findElement(By.cssSelector(".pager a[rel=next]")));
    assertEquals("2", text(".pager [aria-current=page]"));
    assertTrue(browser.getCurrentUrl().endsWith("/search?q=&sort=newest&page=2"), browser.getCurrentUrl());
    assertEquals(1, browser.findElements(By.cssSelector("head link[rel=prev]")).size());
    click(browser.findElement(By.cssSelector(".pager a[rel=prev]")));
    assertEquals("1", text(".pager [aria-current=page]"));
  }

  @Test
  void theFirstTabReachesTheSkipLinkWhichMovesFocusToTheContent() {
    desktop();
    open("/");
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement skip = browser.switchTo().activeElement();
    assertEquals("Skip to content", skip.getText());
    skip.sendKeys(Keys.ENTER);
    wait.until(d -> "main".equals(js("return document.activeElement.id")));
  }

  @Test
  void allTextHasAContrastOfAtLeast4point5() {
    desktop();
    open("/search?q=bread");
    String article = browser.findElement(By.cssSelector(".hit h2 a")).getDomProperty("href");
    for (String path : List.of("/", "/search?q=bread&from=2013&to=2013", article, "/archive", "/no/such/page")) {
      open(path);
      assertEquals("", js(LOW_CONTRAST), path);
    }
    js("document.querySelector('main h1').style.color = '#bbb'");
    assertTrue(((String) js(LOW_CONTRAST)).startsWith("H1"), "the contrast check cannot see pale text");
  }

  @Test
  void everyPageHasOneH1AndHeadingsThatNeverSkipALevel() {
    desktop();
    open("/search?q=bread");
    String article = browser.findElement(By.cssSelector(".hit h2 a")).getDomProperty("href");
    for (String path : List.of("/", "/search?q=bread", article, "/archive", "/archive/2013", "/archive/2013/05",
        "/authors/" + View.encode("Clara Duval"), "/no/such/page")) {
      open(path);
      String levels = (String) js("return [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => h.tagName[1]).join('')");
      assertEquals(1, levels.chars().filter(c -> c == '1').count(), path + " " + levels);
      assertTrue(levels.startsWith("1"), path + " " + levels);
      for (int i = 1; i < levels.length(); i++) {
        assertTrue(levels.charAt(i) - levels.charAt(i - 1) <= 1, path + " skips a level: " + levels);
      }
      for (String landmark : List.of("header", "nav", "main", "aside", "footer")) {
        assertFalse(browser.findElements(By.tagName(landmark)).isEmpty(), path + " has no " + landmark);
      }
    }
  }

  @Test
  void searchBoxSuggestsTitlesAsTheReaderTypes() {
    desktop();
    open("/");
    browser.findElement(By.id("q")).sendKeys("sourd");
    wait.until(d -> !d.findElements(By.cssSelector("#q-suggestions option")).isEmpty());
    String first = browser.findElement(By.cssSelector("#q-suggestions option")).getDomProperty("value");
    assertFalse(first.isBlank());
  }

  @Test
  void articleWithoutItsSlugRendersWithACanonicalLinkToTheSluggedAddress() {
    desktop();
    open(hostile, "/articles/" + XSS_ID);
    assertTrue(canonical().endsWith("/articles/" + XSS_ID + "/harmless-looking-script-window-pwned-1-script-title"),
        canonical());
    assertEquals("article", browser.findElement(By.cssSelector("meta[property='og:type']")).getDomAttribute("content"));
  }

  @Test
  void scriptAndOnerrorPayloadsAreShownAsTextAndRunNothing() {
    desktop();
    for (String path : List.of("/articles/" + XSS_ID + "/wrong-slug", "/search?q=harmless",
        "/authors/" + View.encode("Mallory " + PAYLOAD), "/archive/2012/04", "/search?q=" + View.encode(PAYLOAD))) {
      open(hostile, path);
      assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), path);
      assertEquals("undefined", js("return typeof window.__pwned"), path);
      assertTrue(browser.findElements(By.cssSelector("main script, main img")).isEmpty(), path);
    }
    open(hostile, "/articles/" + XSS_ID);
    assertEquals(XSS_TITLE + " · Backfile", browser.getTitle());
    assertTrue(text(".article .body").contains("<script>window.__pwned=1;alert('x')</script>"), text(".article .body"));
    assertTrue(text(".article .body").contains("onerror="));
    assertTrue(browser.findElements(By.cssSelector(".article-meta a[href^='javascript']")).isEmpty(),
        "a javascript: url became a link");
    assertFalse(browser.getPageSource().contains("/srv/private"), "the server path leaked");
    assertTrue(text(".article-meta .file").startsWith("xss.html"), text(".article-meta .file"));
  }

  @Test
  void phoneWidthPagesHaveNoHorizontalScroll() {
    open("/search?q=bread");
    String article = browser.findElement(By.cssSelector(".hit h2 a")).getDomProperty("href");
    phone();
    try {
      for (String path : List.of("/", "/search?q=bread", article, "/archive", "/archive/2013",
          "/authors/" + View.encode("Clara Duval"), "/no/such/page")) {
        open(path);
        assertNoSidewaysScroll(path);
      }
      for (String path : List.of("/articles/" + XSS_ID, "/archive", "/search?q=harmless")) {
        open(hostile, path);
        assertNoSidewaysScroll("hostile " + path);
      }
    } finally {
      desktop();
    }
  }

  private static void assertNoSidewaysScroll(String path) {
    long scroll = (Long) js("return document.documentElement.scrollWidth");
    long inner = (Long) js("return window.innerWidth");
    assertTrue(scroll <= 360 && inner == 360, path + " scrolls sideways (scrollWidth " + scroll
        + ", innerWidth " + inner + "); too wide: " + js(TOO_WIDE));
  }

  @Test
  void savesScreenshotsOfHomeSearchAndArticleAtDesktopAndPhoneWidths() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    open("/search?q=bread&sort=newest");
    String article = browser.findElement(By.cssSelector(".hit h2 a")).getDomProperty("href");
    Map<String, String> pages = Map.of("home", "/", "search", "/search?q=bread", "article", article);
    for (String width : List.of("desktop", "phone")) {
      if (width.equals("phone")) phone(); else desktop();
      for (var page : pages.entrySet()) {
        open(page.getValue());
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(page.getKey() + "-" + width + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 1000, target.toString());
      }
    }
    desktop();
  }

  private static void open(String pathOrUrl) {
    open(sample, pathOrUrl);
  }

  private static void open(WebServer server, String pathOrUrl) {
    browser.get(pathOrUrl.startsWith("http") ? pathOrUrl : "http://127.0.0.1:" + server.port() + pathOrUrl);
  }

  /** Clicks and waits until the page it was on has gone. */
  private static void click(WebElement link) {
    WebElement html = browser.findElement(By.tagName("html"));
    link.click();
    wait.until(ExpectedConditions.stalenessOf(html));
  }

  private static String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private static String canonical() {
    // The href property is the resolved, absolute address.
    return (String) js("return document.querySelector('link[rel=canonical]').href");
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private static void desktop() {
    emulate(1280, 900, false);
  }

  private static void phone() {
    emulate(360, 740, true);
  }

  private static void emulate(int width, int height, boolean mobile) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }
}
