package io.huduma.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.huduma.testkit.Inbox;
import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web portal in a real headless Chromium, against the running local stack ({@code ./huduma up}): a new
 * citizen signs up with the code read from the SMS inbox, signs in through Keycloak, searches in Swahili,
 * applies for a service whose form has each kind of field and sees the tracking number; an officer of the
 * agency finds it in the queue and asks for information; the citizen answers; the officer approves; the
 * citizen sees the decision in the timeline, then signs out of the portal and of Keycloak. Every page of the
 * portal is saved as a screenshot ({@code target/screenshots}) and checked with axe-core (no serious or
 * critical violation); the weight of the home, search, service and apply pages is printed.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} and the npm package {@code axe-core}
 * (.ci/run installs them); {@code AXE_CORE_JS} may point at another {@code axe.min.js}.
 */
class WebPortalJourneyIT {

    private static final String GATEWAY = System.getenv().getOrDefault("HUDUMA_GATEWAY_URL", "http://localhost:8080");
    private static final String PORTAL = System.getenv().getOrDefault("HUDUMA_PORTAL_URL", "http://localhost:8086");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final JsonHttp API = new JsonHttp(GATEWAY);
    private static final AtomicInteger SHOT = new AtomicInteger();
    private static final Map<String, Long> WEIGHTS = new LinkedHashMap<>();
    private static final List<String> DRIVERS_STARTED = new ArrayList<>();
    private static String axe;
    private static WebDriver citizen;
    private static WebDriver officer;

    @BeforeAll
    static void browsers() throws IOException {
        axe = Files.readString(axeCore());
        Files.createDirectories(SCREENSHOTS);
        citizen = chromium(360, 780);
        officer = chromium(1280, 900);
    }

    @AfterAll
    static void closeBrowsers() {
        for (WebDriver driver : new WebDriver[] {citizen, officer}) {
            if (driver != null) {
                driver.quit();
            }
        }
        System.out.println("=== web-portal page weights (bytes transferred on first load, HTML + CSS): " + WEIGHTS);
    }

    @Test
    void aNewCitizenAppliesInSwahiliAndAnOfficerDecides() {
        JourneyLog log = new JourneyLog("web-portal");
        String serviceId = publishAServiceWithEveryKindOfField(log);

        // sign up with the number as people write it, and the code sent by SMS
        String local = "0756 " + digits(3) + " " + digits(3);
        String e164 = "+255" + local.substring(1).replace(" ", "");
        String password = "Baraka-Juma-" + digits(4) + "!";
        Inbox.clearSms();
        open(citizen, "/signup", "sign-up");
        assertThat(citizen.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sw");
        type(citizen, "phoneNumber", local);
        type(citizen, "fullName", "Baraka Juma");
        type(citizen, "password", password);
        submit(citizen, "form[action='/signup']");
        wait(citizen).until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        check(citizen, "sign-up code");
        Inbox.Sms sms = Inbox.awaitSms(m -> m.destination().endsWith(e164.substring(1)), Duration.ofSeconds(60));
        log.received("SMS", e164, sms.text());
        Matcher code = CODE.matcher(sms.text());
        assertThat(code.find()).as("a code in %s", sms.text()).isTrue();
        type(citizen, "code", code.group(1));
        submit(citizen, "form[action$='/verification']");
        wait(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Akaunti yako iko tayari"));
        check(citizen, "signed up");

        // sign in through Keycloak (code flow + PKCE), then search in Swahili
        signIn(citizen, e164, password);
        open(citizen, "/", "home");
        weigh(citizen, "home");
        type(citizen, "q", "kibali cha tamasha");
        submit(citizen, "form[role='search']");
        wait(citizen).until(ExpectedConditions.urlContains("/services?"));
        check(citizen, "search");
        weigh(citizen, "search");
        // earlier runs on the same stack may have published services of the same name: page on until it shows
        By link = By.cssSelector("a[href='/services/" + serviceId + "']");
        for (int page = 0; page < 10 && citizen.findElements(link).isEmpty(); page++) {
            citizen.findElement(By.cssSelector("nav.pager a:last-child")).click();
            wait(citizen).until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        }
        WebElement result = citizen.findElement(link);
        log.note("found in Swahili: " + result.getText());
        result.click();
        wait(citizen).until(ExpectedConditions.urlToBe(PORTAL + "/services/" + serviceId));
        check(citizen, "service");
        weigh(citizen, "service");
        assertThat(citizen.findElement(By.tagName("main")).getText()).contains("siku 5 za kazi", "TZS 25,000", "tamasha@brela.go.tz");

        // apply: the form comes from the form schema, each kind of field
        citizen.findElement(By.cssSelector("a[href='/services/" + serviceId + "/apply']")).click();
        wait(citizen).until(ExpectedConditions.presenceOfElementLocated(By.id("f-eventName")));
        check(citizen, "apply");
        weigh(citizen, "apply");
        assertThat(citizen.findElement(By.cssSelector("label[for='f-eventName']")).getText()).contains("Jina la tamasha");
        type(citizen, "f-eventName", "Tamasha la Ngoma za Asili");
        type(citizen, "f-guests", "250");
        ((JavascriptExecutor) citizen).executeScript("document.getElementById('f-eventDate').value = '2026-08-15'");
        new Select(citizen.findElement(By.id("f-venue"))).selectByValue("open-ground");
        citizen.findElement(By.id("f-sellsTickets-yes")).click();
        submit(citizen, "form[action$='/apply']");
        WebElement tracking = wait(citizen).until(ExpectedConditions.presenceOfElementLocated(By.id("tracking-number")));
        String trackingNumber = tracking.getText().strip();
        assertThat(trackingNumber).matches("HD-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(citizen.findElement(By.tagName("main")).getText()).contains("Namba ya ufuatiliaji: " + trackingNumber);
        String requestPath = citizen.getCurrentUrl().substring(PORTAL.length()).replaceAll("\\?.*$", "");
        String requestId = requestPath.substring(requestPath.lastIndexOf('/') + 1);
        log.note("applied: " + trackingNumber + " (" + requestId + ")");
        check(citizen, "applied");

        // the officer of the agency finds it in the queue and asks for more information
        signIn(officer, "officer.brela", "Huduma#2026");
        open(officer, "/officer?status=SUBMITTED&serviceId=" + serviceId, "officer queue");
        WebElement inQueue = officer.findElement(By.linkText(trackingNumber));
        inQueue.click();
        wait(officer).until(ExpectedConditions.urlContains("/officer/requests/" + requestId));
        check(officer, "officer request");
        assertThat(officer.findElement(By.tagName("main")).getText()).contains("Tamasha la Ngoma za Asili", "250");
        move(officer, "IN_REVIEW", null);
        move(officer, "NEEDS_INFO", "Tafadhali eleza mpango wa usalama wa wageni.");
        log.note("officer asked for information");

        // the citizen sees the question and answers it
        open(citizen, "/requests/" + requestId, "citizen question");
        assertThat(citizen.findElement(By.id("request-status")).getText()).isEqualTo("Taarifa zaidi zinahitajika");
        assertThat(citizen.findElement(By.tagName("main")).getText()).contains("mpango wa usalama");
        type(citizen, "note", "Tutakuwa na walinzi 20 na gari la wagonjwa.");
        submit(citizen, "form[action$='/response']");
        wait(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Majibu yako yametumwa"));
        check(citizen, "citizen answered");

        // the officer approves; the citizen sees the decision in the timeline
        open(officer, "/officer/requests/" + requestId, "officer after answer");
        move(officer, "APPROVED", "Kibali kimetolewa.");
        open(citizen, "/requests/" + requestId, "citizen decision");
        assertThat(citizen.findElement(By.id("request-status")).getText()).isEqualTo("Limekubaliwa");
        assertThat(citizen.findElement(By.cssSelector("ol.timeline")).getText())
                .contains("Ombi lilitumwa", "Taarifa zaidi zinahitajika", "Limekubaliwa", "Ofisi: brela");
        log.note("the citizen sees the decision: " + citizen.findElement(By.id("request-status")).getText());

        // English on request, remembered
        citizen.findElement(By.cssSelector("button[name='lang'][value='en']")).click();
        wait(citizen).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(citizen.findElement(By.id("request-status")).getText()).isEqualTo("Approved");
        check(citizen, "decision in English");

        // the other pages a citizen uses
        open(citizen, "/requests", "my requests");
        open(citizen, "/profile", "profile");
        open(citizen, "/statistics", "open statistics");
        assertThat(citizen.findElement(By.cssSelector("a[href^='/statistics.csv']")).getText()).contains("CSV");

        // sign out of the portal and of Keycloak: signing in again asks for the password
        citizen.findElement(By.cssSelector("form[action='/logout'] button")).click();
        wait(citizen).until(ExpectedConditions.urlToBe(PORTAL + "/"));
        citizen.get(PORTAL + "/requests");
        wait(citizen).until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        log.note("signed out: Keycloak asks for the password again");
    }

    /** As BRELA's admin, through the API: a service whose form has text, number, date, choice and yes/no. */
    private static String publishAServiceWithEveryKindOfField(JourneyLog log) {
        String admin = Tokens.forUser("admin.brela");
        ObjectNode doc = JsonHttp.JSON.createObjectNode();
        doc.put("slug", "kibali-cha-tamasha-" + digits(6));
        doc.putObject("name").put("sw", "Kibali cha Tamasha la Utamaduni").put("en", "Cultural Festival Permit");
        doc.putObject("description").put("sw", "Omba kibali cha kuandaa tamasha la utamaduni.")
                .put("en", "Apply for a permit to hold a cultural festival.");
        doc.put("category", "business");
        doc.putObject("eligibility").put("sw", "Mwandaaji aliyesajiliwa.").put("en", "A registered organiser.");
        doc.putArray("requiredDocuments").addObject().put("sw", "Barua ya mwaliko").put("en", "Invitation letter");
        doc.putObject("fee").put("amountMinor", 2_500_000).put("currency", "TZS");
        doc.put("slaWorkingDays", 5);
        doc.putArray("channels").add("web").add("mobile");
        ObjectNode contact = doc.putObject("contact").put("email", "tamasha@brela.go.tz").put("phone", "+255 22 221 2800");
        contact.putObject("office").put("sw", "Ubungo Plaza, Dar es Salaam").put("en", "Ubungo Plaza, Dar es Salaam");
        JsonNode schema = JsonHttp.JSON.readTree("""
                {"type":"object","required":["eventName","guests","eventDate","venue","sellsTickets"],"additionalProperties":false,
                 "properties":{
                  "eventName":{"type":"string","maxLength":120,"x-label":{"sw":"Jina la tamasha","en":"Festival name"}},
                  "guests":{"type":"integer","minimum":1,"maximum":100000,"x-label":{"sw":"Idadi ya wageni","en":"Number of guests"},
                            "x-help":{"sw":"Makadirio","en":"An estimate"}},
                  "eventDate":{"type":"string","format":"date","x-label":{"sw":"Tarehe ya tamasha","en":"Festival date"}},
                  "venue":{"type":"string","enum":["hall","open-ground"],"x-label":{"sw":"Mahali","en":"Venue"},
                           "x-enum-labels":{"hall":{"sw":"Ukumbi","en":"Hall"},"open-ground":{"sw":"Uwanja wa wazi","en":"Open ground"}}},
                  "sellsTickets":{"type":"boolean","x-label":{"sw":"Mtauza tiketi?","en":"Will you sell tickets?"}}
                 }}""");
        doc.set("formSchema", schema);
        JsonHttp.Response created = log.step("admin.brela creates a service (API)", API.post("/api/v1/agencies/brela/services", admin, doc));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().path("id").asString();
        JsonHttp.Response published = log.step("admin.brela publishes it (API)", API.post("/api/v1/services/" + id + "/publication", admin, Map.of()));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        // searchable once the catalogue answers with it
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && API.get("/api/v1/services/" + id).status() != 200) {
            sleep(500);
        }
        return id;
    }

    private static void signIn(WebDriver driver, String username, String password) {
        driver.get(PORTAL + "/oauth2/authorization/keycloak");
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait(driver).until(ExpectedConditions.urlMatches("^" + Pattern.quote(PORTAL) + "/.*"));
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/logout']")));
    }

    private static void move(WebDriver driver, String to, String note) {
        new Select(driver.findElement(By.id("to"))).selectByValue(to);
        if (note != null) {
            driver.findElement(By.id("move-note")).sendKeys(note);
        }
        submit(driver, "form[action$='/status-changes']");
        wait(driver).until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")),
                ExpectedConditions.presenceOfElementLocated(By.id("action-error"))));
        assertThat(driver.findElements(By.id("action-error"))).as("status change to " + to)
                .extracting(WebElement::getText).isEmpty();
        check(driver, "moved to " + to);
    }

    private static void open(WebDriver driver, String path, String name) {
        driver.get(PORTAL + path);
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        check(driver, name);
    }

    private static void type(WebDriver driver, String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void submit(WebDriver driver, String formSelector) {
        driver.findElement(By.cssSelector(formSelector + " button[type='submit']")).click();
    }

    /** A screenshot, and axe-core on the page: no serious or critical violation. */
    private static void check(WebDriver driver, String name) {
        String file = String.format("%02d-%s.png", SHOT.incrementAndGet(), name.replaceAll("[^a-zA-Z0-9]+", "-"));
        try {
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.length + ')')))
                   .catch(e => done(['error ' + e]));""");
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        System.out.printf("    axe %-24s %s%n", name, violations.isEmpty() ? "no violations" : violations);
        assertThat(violations).as("axe-core on %s (%s)", name, driver.getCurrentUrl())
                .noneMatch(v -> v.startsWith("serious") || v.startsWith("critical") || v.startsWith("error"));
    }

    /** Bytes transferred for the page and what it loaded (Resource Timing), as on a first visit. */
    private static void weigh(WebDriver driver, String page) {
        Object bytes = ((JavascriptExecutor) driver).executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                let total = nav ? (nav.transferSize || nav.encodedBodySize) : 0;
                for (const r of performance.getEntriesByType('resource')) { total += (r.transferSize || r.encodedBodySize); }
                return total;""");
        long weight = ((Number) bytes).longValue();
        WEIGHTS.put(page, weight);
        System.out.printf("    page weight %-8s %,d bytes%n", page, weight);
        assertThat(weight).as(page + " page weight").isLessThan(100_000);
    }

    /** A page the wait looks at may be replaced by the next one between finding an element and reading it. */
    private static FluentWait<WebDriver> wait(WebDriver driver) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class);
    }

    private static WebDriver chromium(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=sw",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        DRIVERS_STARTED.add(width + "x" + height);
        return driver;
    }

    private static Path axeCore() {
        String configured = System.getenv("AXE_CORE_JS");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String root : List.of("/usr/lib/node_modules", "/usr/local/lib/node_modules")) {
            Path candidate = Path.of(root, "axe-core", "axe.min.js");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        try {
            Process npm = new ProcessBuilder("npm", "root", "-g").redirectErrorStream(true).start();
            String root = new String(npm.getInputStream().readAllBytes()).strip();
            return Path.of(root, "axe-core", "axe.min.js");
        } catch (IOException e) {
            throw new IllegalStateException("axe-core not found: npm install -g axe-core, or set AXE_CORE_JS", e);
        }
    }

    private static String digits(int n) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
