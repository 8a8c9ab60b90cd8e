package io.huduma.devstack;

import java.util.List;

/** The human view of the inbox API: what a developer opens in a browser while the local stack runs. */
final class InboxPage {

    private InboxPage() {
    }

    static String render(List<MailServer.Mail> mails, List<SmscSimulator.Sms> sms, List<HttpSmsProvider.HttpSms> httpSms) {
        StringBuilder page = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
                <title>Huduma devstack inbox</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%;margin-bottom:2em}
                td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
                th{background:#eee}pre{white-space:pre-wrap;margin:0}</style></head><body>
                <h1>Huduma devstack inbox</h1>
                <p>Newest first; refreshes every 5 s. JSON: <a href="/mail">/mail</a>, <a href="/sms">/sms</a>,
                <a href="/sms-http">/sms-http</a>.</p>
                """);
        page.append("<h2>Mail (SMTP) &ndash; ").append(mails.size()).append("</h2><table><tr><th>sent</th><th>from</th>"
                + "<th>to</th><th>subject</th><th>body</th></tr>");
        for (MailServer.Mail m : newestFirst(mails)) {
            row(page, m.sentAt(), m.from(), String.join(", ", m.to()), m.subject(), m.body() != null ? m.body() : m.html());
        }
        page.append("</table><h2>SMS via SMPP &ndash; ").append(sms.size()).append("</h2><table><tr><th>received</th>"
                + "<th>from</th><th>to</th><th>data coding</th><th>text</th></tr>");
        for (SmscSimulator.Sms s : newestFirst(sms)) {
            row(page, s.receivedAt(), s.source(), s.destination(), String.valueOf(s.dataCoding()), s.text());
        }
        page.append("</table><h2>SMS via the HTTP provider &ndash; ").append(httpSms.size()).append("</h2><table><tr>"
                + "<th>received</th><th>from</th><th>to</th><th>id</th><th>text</th></tr>");
        for (HttpSmsProvider.HttpSms s : newestFirst(httpSms)) {
            row(page, s.receivedAt(), s.from(), s.to(), s.messageId(), s.text());
        }
        return page.append("</table></body></html>\n").toString();
    }

    private static <T> List<T> newestFirst(List<T> items) {
        List<T> copy = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static void row(StringBuilder page, Object... cells) {
        page.append("<tr>");
        for (int i = 0; i < cells.length; i++) {
            String cell = escape(cells[i] == null ? "" : cells[i].toString());
            page.append(i == cells.length - 1 ? "<td><pre>" + cell + "</pre></td>" : "<td>" + cell + "</td>");
        }
        page.append("</tr>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
