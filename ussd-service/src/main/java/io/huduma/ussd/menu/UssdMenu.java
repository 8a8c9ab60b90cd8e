package io.huduma.ussd.menu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.huduma.platform.language.Language;
import io.huduma.ussd.menu.Catalogue.AgencyEntry;
import io.huduma.ussd.menu.Catalogue.ServiceEntry;
import io.huduma.ussd.menu.Citizens.Citizen;
import io.huduma.ussd.menu.Requests.Status;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The USSD menu: which screen follows which input. 1 find a service (agency, then service), 2 apply,
 * 3 check a request by tracking number, 4 my recent requests, 5 language; a phone without an account
 * registers before applying. A wrong entry repeats the screen with a short hint.
 */
@Component
public class UssdMenu {

    static final String SKIP = "99";
    private static final int NAME_MIN = 3;
    private static final int NAME_MAX = 80;
    private static final int RECENT = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Catalogue catalogue;
    private final Citizens citizens;
    private final Requests requests;

    public UssdMenu(Catalogue catalogue, Citizens citizens, Requests requests) {
        this.catalogue = catalogue;
        this.citizens = citizens;
        this.requests = requests;
    }

    /** The caller of a session: the aggregator's session id and the phone it vouches for (E.164). */
    public record Line(String sessionId, String phone) {
    }

    /** The first screen of a session, in the language of the phone's account when it has one. */
    public Screen start(SessionState s, Line line) {
        try {
            knowCitizen(s, line).ifPresent(c -> s.language = c.language());
        } catch (RemoteFailure e) {
            // identity out of reach: the menu still opens in Swahili; the account is looked up again when needed
        }
        return render(s, null);
    }

    /** The screen after {@code input} on the current screen. */
    public Screen next(SessionState s, Line line, String input) {
        try {
            return handle(s, line, input == null ? "" : input.strip());
        } catch (RemoteFailure e) {
            return Screen.end(Texts.UNAVAILABLE.in(s.language));
        }
    }

    private Screen handle(SessionState s, Line line, String in) {
        switch (s.step) {
            case MAIN:
                return switch (in) {
                    case "1" -> {
                        s.applying = false;
                        yield go(s, Step.AGENCIES);
                    }
                    case "2" -> {
                        s.applying = true;
                        yield withAccount(s, line, Step.AGENCIES);
                    }
                    case "3" -> go(s, Step.TRACKING);
                    case "4" -> withAccount(s, line, Step.RECENT);
                    case "5" -> go(s, Step.LANGUAGE);
                    default -> render(s, Texts.WRONG_CHOICE);
                };
            case AGENCIES: {
                List<AgencyEntry> agencies = catalogue.ussdAgencies();
                return paged(s, in, agencyPage(s, agencies), Step.MAIN, i -> {
                    s.agencyCode = agencies.get(i).code();
                    return go(s, Step.SERVICES);
                });
            }
            case SERVICES: {
                List<ServiceEntry> services = catalogue.ussdServices(s.agencyCode);
                return paged(s, in, servicePage(s, services), Step.AGENCIES, i -> {
                    s.serviceId = services.get(i).id();
                    return s.applying ? startApplication(s) : go(s, Step.SERVICE_INFO);
                });
            }
            case SERVICE_INFO:
                return switch (in) {
                    case "1" -> {
                        s.applying = true;
                        yield withAccount(s, line, Step.QUESTION);
                    }
                    case "0" -> go(s, Step.SERVICES);
                    default -> render(s, Texts.WRONG_CHOICE);
                };
            case QUESTION:
                return answer(s, in);
            case CONFIRM:
                return switch (in) {
                    case "1" -> submit(s, line);
                    case "2" -> Screen.end(Texts.CANCELLED.in(s.language));
                    default -> render(s, Texts.WRONG_CHOICE);
                };
            case TRACKING: {
                if (in.equals("0")) {
                    return go(s, Step.MAIN);
                }
                String number = in.toUpperCase(Locale.ROOT).replaceAll("\\s", "");
                if (!number.matches("[A-Z0-9-]{4,20}")) {
                    return render(s, Texts.NOT_FOUND);
                }
                Optional<Status> status = requests.status(number, line.phone());
                return status.map(st -> statusScreen(s, st)).orElseGet(() -> render(s, Texts.NOT_FOUND));
            }
            case RECENT: {
                List<Status> recent = requests.recent(s.subject, RECENT);
                return paged(s, in, recentPage(s, recent), Step.MAIN, i -> statusScreen(s, recent.get(i)));
            }
            case LANGUAGE:
                return switch (in) {
                    case "1" -> {
                        s.language = Language.SW;
                        yield go(s, Step.MAIN);
                    }
                    case "2" -> {
                        s.language = Language.EN;
                        yield go(s, Step.MAIN);
                    }
                    case "0" -> go(s, Step.MAIN);
                    default -> render(s, Texts.WRONG_CHOICE);
                };
            case REGISTER_OFFER:
                return switch (in) {
                    case "1" -> go(s, Step.REGISTER_NAME);
                    case "0" -> go(s, Step.MAIN);
                    default -> render(s, Texts.WRONG_CHOICE);
                };
            case REGISTER_NAME: {
                if (in.equals("0")) {
                    return go(s, Step.MAIN);
                }
                String name = in.replaceAll("\\s+", " ");
                if (name.length() < NAME_MIN || name.length() > NAME_MAX || !name.matches("[\\p{L} .'-]+")) {
                    return render(s, Texts.WRONG_NAME);
                }
                s.registrationName = name;
                return go(s, Step.REGISTER_LANGUAGE);
            }
            case REGISTER_LANGUAGE:
                return switch (in) {
                    case "1", "2" -> {
                        s.registrationLanguage = in.equals("1") ? Language.SW : Language.EN;
                        yield go(s, Step.REGISTER_CONFIRM);
                    }
                    case "0" -> go(s, Step.REGISTER_NAME);
                    default -> render(s, Texts.WRONG_CHOICE);
                };
            case REGISTER_CONFIRM:
                return switch (in) {
                    case "1" -> {
                        Citizen citizen = citizens.register(line.phone(), s.registrationName, s.registrationLanguage);
                        s.subject = citizen.subject();
                        s.citizenKnown = true;
                        s.language = s.registrationLanguage;
                        // the name went to identity; the session keeps no copy
                        s.registrationName = null;
                        yield go(s, Step.REGISTERED);
                    }
                    case "2" -> {
                        s.registrationName = null;
                        yield go(s, Step.MAIN);
                    }
                    default -> render(s, Texts.WRONG_CHOICE);
                };
            case REGISTERED:
                return switch (in) {
                    case "1" -> enter(s, s.afterRegistration == null ? Step.MAIN : s.afterRegistration);
                    case "0" -> go(s, Step.MAIN);
                    default -> render(s, Texts.WRONG_CHOICE);
                };
            default:
                return go(s, Step.MAIN);
        }
    }

    /** The current screen again, with {@code hint} on top when given. */
    public Screen render(SessionState s, Texts hint) {
        Language l = s.language;
        Screen screen = switch (s.step) {
            case MAIN -> Screen.con(String.join("\n", Texts.WELCOME.in(l), "1 " + Texts.MENU_FIND.in(l),
                    "2 " + Texts.MENU_APPLY.in(l), "3 " + Texts.MENU_STATUS.in(l), "4 " + Texts.MENU_RECENT.in(l),
                    "5 " + Texts.MENU_LANGUAGE.in(l)));
            case AGENCIES -> {
                List<AgencyEntry> agencies = catalogue.ussdAgencies();
                yield agencies.isEmpty() ? Screen.end(Texts.NO_SERVICES.in(l)) : Screen.con(agencyPage(s, agencies).text());
            }
            case SERVICES -> {
                List<ServiceEntry> services = catalogue.ussdServices(s.agencyCode);
                yield services.isEmpty() ? Screen.end(Texts.NO_SERVICES.in(l)) : Screen.con(servicePage(s, services).text());
            }
            case SERVICE_INFO -> {
                ServiceEntry service = service(s);
                yield Screen.con(String.join("\n", Pager.cut(service.name().in(l), 60),
                        Texts.FEE.in(l) + ": " + fee(service, l), Texts.WORKING_DAYS.in(l, service.slaWorkingDays()),
                        "1 " + Texts.APPLY.in(l), "0 " + Texts.BACK.in(l)));
            }
            case QUESTION -> questionScreen(s);
            case CONFIRM -> {
                ServiceEntry service = service(s);
                yield Screen.con(String.join("\n", Texts.CONFIRM.in(l), Pager.cut(service.name().in(l), 60),
                        Texts.FEE.in(l) + ": " + fee(service, l), "1 " + Texts.SEND.in(l), "2 " + Texts.CANCEL.in(l)));
            }
            case TRACKING -> Screen.con(Texts.ENTER_TRACKING.in(l) + "\n0 " + Texts.BACK.in(l));
            case RECENT -> {
                List<Status> recent = requests.recent(s.subject, RECENT);
                yield recent.isEmpty() ? Screen.end(Texts.NO_REQUESTS.in(l)) : Screen.con(recentPage(s, recent).text());
            }
            case LANGUAGE -> Screen.con(String.join("\n", Texts.CHOOSE_LANGUAGE.in(l), "1 Kiswahili", "2 English",
                    "0 " + Texts.BACK.in(l)));
            case REGISTER_OFFER -> Screen.con(String.join("\n", Texts.NO_ACCOUNT.in(l), "1 " + Texts.REGISTER.in(l),
                    "0 " + Texts.BACK.in(l)));
            case REGISTER_NAME -> Screen.con(Texts.ENTER_NAME.in(l) + "\n0 " + Texts.BACK.in(l));
            case REGISTER_LANGUAGE -> Screen.con(String.join("\n", Texts.PREFERRED_LANGUAGE.in(l), "1 Kiswahili",
                    "2 English", "0 " + Texts.BACK.in(l)));
            case REGISTER_CONFIRM -> Screen.con(String.join("\n", Texts.REGISTER_AS.in(l, s.registrationName),
                    "1 " + Texts.YES.in(l), "2 " + Texts.NO.in(l)));
            case REGISTERED -> Screen.con(String.join("\n", Texts.REGISTERED.in(l), "1 " + Texts.CONTINUE.in(l),
                    "0 " + Texts.MAIN_MENU.in(l)));
        };
        return hint == null || screen.end() ? screen : Screen.con(hint.in(l) + "\n" + screen.text());
    }

    private Screen go(SessionState s, Step step) {
        s.step = step;
        s.page = 0;
        return render(s, null);
    }

    /** {@code target} when the phone has an account, else the offer to register first. */
    private Screen withAccount(SessionState s, Line line, Step target) {
        if (knowCitizen(s, line).isPresent()) {
            return enter(s, target);
        }
        s.afterRegistration = target;
        return go(s, Step.REGISTER_OFFER);
    }

    private Screen enter(SessionState s, Step target) {
        return target == Step.QUESTION ? startApplication(s) : go(s, target);
    }

    private Optional<Citizen> knowCitizen(SessionState s, Line line) {
        if (!s.citizenKnown) {
            Optional<Citizen> citizen = citizens.byPhone(line.phone());
            s.subject = citizen.map(Citizen::subject).orElse(null);
            s.citizenKnown = true;
            return citizen;
        }
        return s.subject == null ? Optional.empty() : Optional.of(new Citizen(s.subject, null, s.language));
    }

    private interface Pick {
        Screen picked(int index);
    }

    /** A list screen's input: 98 next page, 0 previous page (or {@code back} from the first), a number picks. */
    private Screen paged(SessionState s, String in, Pager.Page page, Step back, Pick pick) {
        if (in.equals(Pager.MORE) && page.hasMore()) {
            s.page++;
            return render(s, null);
        }
        if (in.equals(Pager.BACK)) {
            if (s.page > 0) {
                s.page--;
                return render(s, null);
            }
            return go(s, back);
        }
        int index = page.pick(in);
        return index < 0 ? render(s, Texts.WRONG_CHOICE) : pick.picked(index);
    }

    private Pager.Page agencyPage(SessionState s, List<AgencyEntry> agencies) {
        List<String> labels = agencies.stream().map(a -> a.code().toUpperCase(Locale.ROOT) + " " + a.name().in(s.language)).toList();
        return Pager.page(Texts.CHOOSE_AGENCY.in(s.language), labels, s.page, s.language, true);
    }

    private Pager.Page servicePage(SessionState s, List<ServiceEntry> services) {
        List<String> labels = services.stream().map(e -> e.name().in(s.language)).toList();
        return Pager.page(Texts.CHOOSE_SERVICE.in(s.language), labels, s.page, s.language, true);
    }

    private Pager.Page recentPage(SessionState s, List<Status> recent) {
        List<String> labels = recent.stream().map(r -> r.trackingNumber() + " " + Texts.status(r.status(), s.language)).toList();
        return Pager.page(Texts.YOUR_REQUESTS.in(s.language), labels, s.page, s.language, true);
    }

    private ServiceEntry service(SessionState s) {
        return catalogue.service(s.serviceId).orElseThrow(() -> new RemoteFailure("service " + s.serviceId + " is gone", false, null));
    }

    private List<Question> questions(ServiceEntry service) {
        return service.openToUssd() ? Question.of(service.formSchemaJson()).orElse(null) : null;
    }

    private Screen startApplication(SessionState s) {
        ServiceEntry service = service(s);
        if (questions(service) == null) {
            return Screen.end(Texts.NOT_FOR_PHONE.in(s.language));
        }
        s.answers.clear();
        s.question = 0;
        return go(s, questions(service).isEmpty() ? Step.CONFIRM : Step.QUESTION);
    }

    private Screen questionScreen(SessionState s) {
        Language l = s.language;
        List<Question> questions = questions(service(s));
        if (questions == null) {
            return Screen.end(Texts.NOT_FOR_PHONE.in(l));
        }
        Question q = questions.get(s.question);
        String header = questionHeader(s, q, questions.size());
        List<String> lines = new ArrayList<>();
        switch (q.kind()) {
            case CHOICE -> {
                return Screen.con(choicePage(s, q, questions.size()).text());
            }
            case YES_NO -> {
                lines.add("1 " + Texts.YES.in(l));
                lines.add("2 " + Texts.NO.in(l));
                lines.add("0 " + Texts.BACK.in(l));
            }
            case NUMBER -> lines.add(q.minimum() != null && q.maximum() != null
                    ? Texts.NUMBER_RANGE.in(l, q.minimum().toPlainString(), q.maximum().toPlainString())
                    : Texts.NUMBER_HINT.in(l));
            case TEXT -> lines.add(Texts.TEXT_HINT.in(l, Math.max(1, q.minLength()), q.maxLength()));
        }
        if (!q.required()) {
            lines.add(SKIP + " " + Texts.SKIP.in(l));
        }
        return Screen.con(header + "\n" + String.join("\n", lines));
    }

    private static String questionHeader(SessionState s, Question q, int count) {
        return "(" + (s.question + 1) + "/" + count + ") " + Pager.cut(q.label().in(s.language), 60);
    }

    private static Pager.Page choicePage(SessionState s, Question q, int count) {
        Language l = s.language;
        String header = questionHeader(s, q, count) + (q.required() ? "" : "\n" + SKIP + " " + Texts.SKIP.in(l));
        return Pager.page(header, q.options().stream().map(o -> o.label().in(l)).toList(), s.page, l, true);
    }

    private Screen answer(SessionState s, String in) {
        List<Question> questions = questions(service(s));
        if (questions == null) {
            return Screen.end(Texts.NOT_FOR_PHONE.in(s.language));
        }
        Question q = questions.get(s.question);
        boolean choice = q.kind() == Question.Kind.CHOICE || q.kind() == Question.Kind.YES_NO;
        if (q.kind() == Question.Kind.CHOICE && in.equals(Pager.MORE)) {
            if (!choicePage(s, q, questions.size()).hasMore()) {
                return render(s, Texts.WRONG_CHOICE);
            }
            s.page++;
            return render(s, null);
        }
        if (choice && in.equals(Pager.BACK)) {
            if (s.page > 0) {
                s.page--;
                return render(s, null);
            }
            if (s.question == 0) {
                return go(s, Step.SERVICE_INFO);
            }
            s.question--;
            return go(s, Step.QUESTION);
        }
        if (!q.required() && in.equals(SKIP)) {
            s.answers.remove(q.name());
        } else {
            Optional<Object> value = q.answer(in);
            if (value.isEmpty()) {
                return render(s, Texts.WRONG_ANSWER);
            }
            s.answers.put(q.name(), value.get());
        }
        s.question++;
        return go(s, s.question >= questions.size() ? Step.CONFIRM : Step.QUESTION);
    }

    private Screen submit(SessionState s, Line line) {
        Language l = s.language;
        try {
            Requests.Receipt receipt = requests.submit(new Requests.Submission(s.subject,
                    idempotencyKey(line.sessionId(), s.serviceId), s.serviceId, JSON.writeValueAsString(s.answers), line.phone()));
            return Screen.end(Texts.SUBMITTED.in(l, receipt.trackingNumber(), receipt.dueDate()));
        } catch (RemoteFailure e) {
            if (e.refused()) {
                return Screen.end(Texts.REFUSED.in(l, Pager.cut(e.getMessage(), 100)));
            }
            throw e;
        }
    }

    private static Screen statusScreen(SessionState s, Status st) {
        Language l = s.language;
        String text = String.join("\n", st.trackingNumber(), Pager.cut(st.serviceName().in(l), 50),
                Texts.STATUS_LINE.in(l, Texts.status(st.status(), l)), Texts.DUE_LINE.in(l, st.dueDate()));
        int room = Screen.LIMIT - "END ".length() - text.length() - 1;
        if (st.note() != null && !st.note().isBlank() && room > 10) {
            text = text + "\n" + Pager.cut(st.note(), room);
        }
        return Screen.end(text);
    }

    static String fee(ServiceEntry service, Language l) {
        if (service.feeMinor() == null || service.feeMinor() == 0) {
            return Texts.FREE.in(l);
        }
        return service.feeCurrency() + " " + String.format(Locale.US, "%,d", service.feeMinor());
    }

    /** One key per session and service: a repeated final step can never make a second request. */
    static String idempotencyKey(String sessionId, String serviceId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((sessionId + "|" + serviceId).getBytes(StandardCharsets.UTF_8));
            return "ussd-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
