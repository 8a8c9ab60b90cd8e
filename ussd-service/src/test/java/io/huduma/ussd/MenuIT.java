package io.huduma.ussd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.identity.v1.RegisterCitizenByPhoneRequest;
import io.huduma.ussd.UssdSession.Reply;
import org.junit.jupiter.api.Test;

/** USSD sessions driven over HTTP as the aggregator plays them: browse, register, apply, status, recent, language. */
class MenuIT extends UssdIT {

    /** Pages through a list (98) until a line holds {@code label}, then picks its number. */
    static Reply choose(UssdSession session, Reply screen, String label) {
        for (int pages = 0; pages < 10; pages++) {
            Matcher line = Pattern.compile("(?m)^(\\d+) .*" + Pattern.quote(label)).matcher(screen.body());
            if (line.find()) {
                return session.press(line.group(1));
            }
            assertThat(screen.body()).as("'%s' is on a later page", label).contains("\n98 ");
            screen = session.press("98");
        }
        throw new AssertionError(label + " not found");
    }

    String aCitizen(String phone, Language language) {
        return STAND_INS.identity.add(phone, "Juma Hamisi", language);
    }

    @Test
    void browsesAgenciesPageByPageThenOnlyServicesOpenToUssd() {
        UssdSession session = dial(aPhone());
        assertThat(session.start().body()).isEqualTo("""
                CON Karibu Huduma
                1 Tafuta huduma
                2 Omba huduma
                3 Hali ya ombi
                4 Maombi yangu
                5 Lugha/Language""");

        Reply first = session.press("1");
        assertThat(first.body()).startsWith("CON Chagua taasisi:\n1 ARDHI ").contains("\n98 Zaidi\n0 Rudi");
        Reply second = session.press("98");
        assertThat(second.body()).startsWith("CON Chagua taasisi:\n").doesNotContain("1 ARDHI").endsWith("0 Rudi");
        assertThat(session.press("0").body()).isEqualTo(first.body());

        Reply services = choose(session, first, "RITA");
        assertThat(services.body()).contains("Nakala ya Cheti cha Kuzaliwa").doesNotContain("Usajili wa Ndoa");
        Reply info = choose(session, services, "Nakala ya Cheti");
        assertThat(info.body()).isEqualTo("""
                CON Nakala ya Cheti cha Kuzaliwa
                Ada: TZS 3,500
                Siku 5 za kazi
                1 Omba
                0 Rudi""");
        assertThat(session.press("0").body()).isEqualTo(services.body());
    }

    @Test
    void aPhoneWithoutAnAccountRegistersThenGoesOnToApply() {
        String phone = aPhone();
        UssdSession session = dial(phone);
        session.start();

        assertThat(session.press("2").body()).isEqualTo("CON Namba hii haina akaunti ya Huduma.\n1 Jisajili\n0 Rudi");
        assertThat(session.press("1").body()).isEqualTo("CON Weka jina lako kamili:\n0 Rudi");
        assertThat(session.press("N").body()).startsWith("CON Jina si sahihi (herufi 3-80).\nWeka jina lako kamili:");
        assertThat(session.press("Neema  Said").body()).startsWith("CON Lugha unayopendelea:\n1 Kiswahili\n2 English");
        assertThat(session.press("2").body()).isEqualTo("CON Sajili akaunti kwa jina Neema Said?\n1 Ndiyo\n2 Hapana");
        assertThat(session.press("1").body())
                .isEqualTo("CON You are registered! An SMS tells how to set a web password.\n1 Continue\n0 Main menu");
        assertThat(session.press("1").body()).startsWith("CON Choose an agency:\n1 ARDHI Ministry of Lands");

        assertThat(STAND_INS.identity.registrations.stream().filter(r -> r.getPhone().equals(phone)).toList())
                .extracting(RegisterCitizenByPhoneRequest::getFullName, RegisterCitizenByPhoneRequest::getLanguage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Neema Said", Language.LANGUAGE_EN));
        assertThat(STAND_INS.identity.byPhone).containsKey(phone);
    }

    @Test
    void appliesOneQuestionPerScreenConfirmsTheFeeAndARepeatedFinalStepMakesOneRequest() {
        String phone = aPhone();
        String subject = aCitizen(phone, Language.LANGUAGE_SW);
        UssdSession session = dial(phone);
        Reply screen = session.start();
        screen = session.press("2");
        screen = choose(session, screen, "ARDHI");
        screen = choose(session, screen, "Malipo ya Kodi");
        assertThat(screen.body()).isEqualTo("CON (1/4) Namba ya hatimiliki\nAndika (herufi 1-30)");
        assertThat(session.repeat().body()).as("an aggregator's retry changes nothing").isEqualTo(screen.body());
        assertThat(session.press("dsm 123").body()).as("the pattern refuses lower case and spaces")
                .startsWith("CON Jibu si sahihi.\n(1/4) Namba ya hatimiliki");

        screen = session.press("DSM/123");
        assertThat(screen.body()).startsWith("CON (2/4) Mkoa\n1 Dar es Salaam\n2 Arusha").contains("\n98 Zaidi\n0 Rudi");
        screen = session.press("98");
        assertThat(screen.body()).startsWith("CON (2/4) Mkoa\n").doesNotContain("Dar es Salaam");
        screen = choose(session, screen, "Rukwa");
        assertThat(screen.body()).isEqualTo("CON (3/4) Idadi ya miaka ya kulipia\nWeka namba 1-10");
        assertThat(session.press("11").body()).startsWith("CON Jibu si sahihi.\n(3/4)");
        assertThat(session.press("tatu").body()).startsWith("CON Jibu si sahihi.\n(3/4)");
        screen = session.press("3");
        assertThat(screen.body()).isEqualTo("CON (4/4) Ni ya haraka?\n1 Ndiyo\n2 Hapana\n0 Rudi\n99 Ruka");
        assertThat(session.press("0").body()).as("back to the previous question")
                .isEqualTo("CON (3/4) Idadi ya miaka ya kulipia\nWeka namba 1-10");
        session.press("3");
        screen = session.press("1");
        assertThat(screen.body()).isEqualTo("""
                CON Thibitisha ombi:
                Malipo ya Kodi ya Pango la Ardhi
                Ada: Bure
                1 Tuma
                2 Ghairi""");
        assertThat(session.press("5").body()).startsWith("CON Chaguo si sahihi.\nThibitisha ombi:");

        // the aggregator sends the final step twice at once (a timeout and its retry)
        List<String> finals = session.pressTwiceAtOnce("1").stream().map(Reply::body).toList();

        assertThat(STAND_INS.requests.of(subject)).hasSize(1);
        StandIns.RequestsStandIn.Stored request = STAND_INS.requests.of(subject).get(0);
        assertThat(request.serviceId()).isEqualTo(StandIns.LAND_RENT);
        assertThat(request.phone()).isEqualTo(phone);
        assertThat(request.key()).startsWith("ussd-");
        assertThat(StandIns.JSON.convertValue(request.answers(), Map.class))
                .isEqualTo(Map.of("titleNumber", "DSM/123", "region", "rukwa", "years", 3, "urgent", true));
        assertThat(finals).containsExactlyInAnyOrder(
                "END Ombi limepokelewa. Namba: " + request.trackingNumber() + ". Litashughulikiwa hadi 2026-12-10. Utapokea SMS.",
                "END Kikao kimekwisha. Piga tena. / The session is over. Dial again.");
        assertThat(liveSessions(session.sessionId)).as("nothing kept once the session ended").isZero();
    }

    @Test
    void aRepeatedSubmissionOfTheSameSessionAndServiceCarriesTheSameKey() {
        String phone = aPhone();
        String subject = aCitizen(phone, Language.LANGUAGE_SW);
        UssdSession session = dial(phone);
        Reply screen = session.start();
        screen = choose(session, session.press("1"), "RITA");
        screen = choose(session, screen, "Nakala ya Cheti");
        assertThat(session.press("1").body()).isEqualTo("CON (1/1) Namba ya kuingizwa\nAndika (herufi 1-20)");
        assertThat(session.press("B/2019/555").body()).contains("Ada: TZS 3,500");
        assertThat(session.press("1").body()).startsWith("END Ombi limepokelewa. Namba: HD-TEST-");
        int calls = STAND_INS.requests.submitCalls.get();

        assertThat(session.repeat().body()).isEqualTo("END Kikao kimekwisha. Piga tena. / The session is over. Dial again.");
        assertThat(STAND_INS.requests.submitCalls.get()).as("no second call after the end").isEqualTo(calls);
        assertThat(STAND_INS.requests.of(subject)).hasSize(1);
    }

    @Test
    void checksARequestByTrackingNumberOnlyForThePhoneThatMadeIt() {
        String phone = aPhone();
        String subject = aCitizen(phone, Language.LANGUAGE_SW);
        String tracking = STAND_INS.requests.addExisting(subject, phone);

        UssdSession mine = dial(phone);
        mine.start();
        assertThat(mine.press("3").body()).isEqualTo("CON Weka namba ya ombi (mf. HD-7K3P-9QX2):\n0 Rudi");
        assertThat(mine.press(tracking.toLowerCase()).body()).isEqualTo("END " + tracking + """

                Nakala ya Cheti cha Kuzaliwa
                Hali: Inashughulikiwa
                Hadi: 2026-12-10
                Tembelea ofisi yetu na kitambulisho.""");

        UssdSession other = dial(aPhone());
        other.start();
        other.press("3");
        Reply refused = other.press(tracking);
        assertThat(refused.body()).startsWith("CON Haikupatikana.\nWeka namba ya ombi").doesNotContain("Cheti");
        assertThat(other.press("x").body()).startsWith("CON Haikupatikana.");
        assertThat(other.press("0").body()).startsWith("CON Karibu Huduma");
    }

    @Test
    void listsMyRecentRequestsAndDescribesOne() {
        String phone = aPhone();
        String subject = aCitizen(phone, Language.LANGUAGE_EN);
        String older = STAND_INS.requests.addExisting(subject, phone);
        String newer = STAND_INS.requests.addExisting(subject, phone);

        UssdSession session = dial(phone);
        assertThat(session.start().body()).as("the account's language").startsWith("CON Welcome to Huduma");
        assertThat(session.press("4").body()).isEqualTo("CON Your requests:\n1 " + newer + " Received\n2 " + older
                + " Received\n0 Back");
        assertThat(session.press("2").body()).startsWith("END " + older + "\nCopy of a Birth Certificate\nStatus: Received");

        UssdSession nobody = dial(aPhone());
        nobody.start();
        assertThat(nobody.press("4").body()).startsWith("CON Namba hii haina akaunti");
    }

    @Test
    void wrongEntriesRepeatTheScreenWithAHint() {
        UssdSession session = dial(aPhone());
        session.start();
        assertThat(session.press("7").body()).startsWith("CON Chaguo si sahihi.\nKaribu Huduma\n1 Tafuta huduma");
        assertThat(session.press("").body()).startsWith("CON Chaguo si sahihi.\nKaribu Huduma");
        session.press("1");
        assertThat(session.press("77").body()).startsWith("CON Chaguo si sahihi.\nChagua taasisi:");
        assertThat(session.press("abc").body()).startsWith("CON Chaguo si sahihi.\nChagua taasisi:");
        assertThat(session.press("0").body()).startsWith("CON Karibu Huduma");
        session.press("5");
        assertThat(session.press("3").body()).startsWith("CON Chaguo si sahihi.\nChagua lugha");
    }

    @Test
    void changesTheLanguageForTheRestOfTheSession() {
        UssdSession session = dial(aPhone());
        session.start();
        assertThat(session.press("5").body()).isEqualTo("CON Chagua lugha / Choose language:\n1 Kiswahili\n2 English\n0 Rudi");
        assertThat(session.press("2").body()).isEqualTo("""
                CON Welcome to Huduma
                1 Find a service
                2 Apply for a service
                3 Check a request
                4 My requests
                5 Language/Lugha""");
        assertThat(session.press("1").body()).startsWith("CON Choose an agency:").contains("\n98 More\n0 Back");
    }

    @Test
    void everyScreenFitsIn182CharactersInBothLanguages() {
        List<String> screens = new java.util.ArrayList<>();
        for (Language language : List.of(Language.LANGUAGE_SW, Language.LANGUAGE_EN)) {
            String phone = aPhone();
            String subject = aCitizen(phone, language);
            String tracking = STAND_INS.requests.addExisting(subject, phone);

            UssdSession apply = dial(phone);
            Reply screen = apply.start();
            apply.press("9");
            screen = apply.press("1");
            apply.press("x");
            screen = apply.press("98");
            apply.press("98");
            apply.press("0");
            screen = choose(apply, apply.press("0"), "ARDHI");
            apply.press("x");
            screen = choose(apply, screen, language == Language.LANGUAGE_SW ? "Malipo ya Kodi" : "Land Rent");
            apply.press("x");
            apply.press("1");
            apply.press("x!");
            screen = apply.press("DSM/1");
            apply.press("x");
            screen = choose(apply, apply.press("98"), "Rukwa");
            apply.press("x");
            apply.press("2");
            apply.press("x");
            apply.press("99");
            apply.press("x");
            assertThat(apply.press("2").ends()).isTrue();
            screens.addAll(apply.screens);

            UssdSession status = dial(phone);
            status.start();
            status.press("3");
            status.press("x");
            assertThat(status.press(tracking).ends()).isTrue();
            screens.addAll(status.screens);

            UssdSession recent = dial(phone);
            recent.start();
            recent.press("4");
            recent.press("x");
            assertThat(recent.press("1").ends()).isTrue();
            screens.addAll(recent.screens);

            UssdSession register = dial(aPhone());
            register.start();
            register.press("5");
            register.press("x");
            register.press(language == Language.LANGUAGE_SW ? "1" : "2");
            register.press("2");
            register.press("x");
            register.press("1");
            register.press("1");
            register.press("Mwanaisha Abdallah Rashid Mohamed Khamis Juma Salim Omar Hassan Bakari Mussa Ali");
            register.press("x");
            register.press(language == Language.LANGUAGE_SW ? "1" : "2");
            register.press("x");
            register.press("1");
            register.press("x");
            register.press("1");
            screens.addAll(register.screens);
        }
        assertThat(screens).hasSizeGreaterThan(60)
                .allSatisfy(body -> assertThat(body).hasSizeLessThanOrEqualTo(182))
                .anyMatch(body -> body.contains("Sajili akaunti kwa jina Mwanaisha"))
                .anyMatch(body -> body.contains("Register an account as Mwanaisha"))
                .anyMatch(body -> body.startsWith("CON Invalid answer."))
                .anyMatch(body -> body.startsWith("CON Jibu si sahihi."));
    }
}
