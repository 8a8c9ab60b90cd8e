package io.huduma.devstack;

import java.util.List;

/** The human view of the inbox API: what a developer opens in a browser while the local stack runs. */
final class InboxPage {

    /** Plays a handset: posts {from,to,text} to /sms/inbound (the page does not reload while the form has focus). */
    private static final String SEND_FORM = """
            <form id="inbound" onsubmit="event.preventDefault();fetch('/sms/inbound',{method:'POST',
            headers:{'Content-Type':'application/json'},body:JSON.stringify({from:this.from.value,to:this.to.value,
            text:this.text.value})}).then(r=>r.text()).then(t=>{document.getElementById('answer').textContent=t;})">
            <input name="from" value="+255712345678" size="14"> to <input name="to" value="15555" size="6">
            <input name="text" value="HALI HD-7K3P-9QX2" size="30"> <button>send as a handset</button>
            <code id="answer"></code></form>
            """;

    private InboxPage() {
    }

    static String render(List<MailServer.Mail> mails, List<SmscSimulator.Sms> sms, List<HttpSmsProvider.HttpSms> httpSms,
                         List<SmscSimulator.Inbound> inbound) {
        StringBuilder page = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <script>setInterval(()=>{const f=document.getElementById('inbound');
                if(!f||!f.contains(document.activeElement))location.reload();},5000);</script>
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
        page.append("</table><h2>SMS written to the platform (inbound) &ndash; ").append(inbound.size()).append("</h2>")
                .append(SEND_FORM).append("<table><tr><th>sent</th><th>from</th><th>to</th><th>bind</th><th>attempts</th>"
                + "<th>text</th></tr>");
        for (SmscSimulator.Inbound s : newestFirst(inbound)) {
            row(page, s.sentAt(), s.source(), s.destination(), s.systemId(), String.join(", ", s.attempts()), s.text());
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
