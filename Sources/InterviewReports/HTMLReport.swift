import InterviewCore

/// The HTML scorecard: one self-contained file (inline CSS, no script, no external
/// asset), well-formed XHTML so that XML tools read it too, readable on paper
/// (`@media print`). Each session has a chart, drawn as inline SVG, of the time each
/// question took against its budget and of its rubric coverage. Over budget shows by a
/// hatched bar and the words "+00:22 over" as well as by colour. It prints on A4 (`@page`):
/// the chart's text at 9.5pt, the questions in two columns, a session of 15 questions on
/// two pages.
enum HTMLReport {
    private static func h(_ text: String) -> String { ReportText.html(text) }

    static func render(_ sessions: [SessionReport]) -> String {
        let title = sessions.count == 1
            ? "Interview scorecard: " + (sessions[0].candidate.isEmpty ? "(no candidate name)" : sessions[0].candidate)
            : "Interview scorecards (\(sessions.count) sessions)"
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(h(title))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>

            """
        for (index, session) in sessions.enumerated() {
            out += article(session, number: index + 1)
        }
        out += "</body>\n</html>\n"
        return out
    }

    static let css = """
        :root { --ink: #1d1d1f; --muted: #5f6368; --line: #d0d4da; --bar: #3b6ea8; --over: #b3261e; --budget: #1d1d1f; --tick: #1e7a3c; }
        * { box-sizing: border-box; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .8rem; }
        h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
        h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
        table { border-collapse: collapse; }
        th, td { text-align: left; vertical-align: top; padding: .25rem .6rem; border-bottom: 1px solid var(--line); }
        table.facts th { color: var(--muted); font-weight: 600; }
        table.questions td.num { text-align: right; }
        .recommendation { border: 2px solid var(--ink); border-radius: 6px; padding: .4rem 1rem .8rem; margin: 1rem 0; }
        .recommendation h2 { border: 0; margin-top: .4rem; }
        .over { color: var(--over); font-weight: 700; }
        td .over { white-space: nowrap; }
        .muted, .not-asked { color: var(--muted); }
        ul.rubric, ul.notes { list-style: none; padding-left: .4rem; }
        .tick { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
        li.checked .tick { color: var(--tick); font-weight: 700; }
        .stamp { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: var(--muted); margin-right: .5rem; }
        .note-text, .closing-text { white-space: pre-wrap; overflow-wrap: anywhere; }
        figure { margin: 0; }
        svg.chart { display: block; width: 100%; max-width: 52rem; height: auto; font: 13px system-ui, "DejaVu Sans", sans-serif; }
        svg .bar:not(.over) { fill: var(--bar); }
        svg .bar.over { stroke: var(--over); stroke-width: 1.5; }
        svg .budget { stroke: var(--budget); stroke-width: 2; }
        svg .track { fill: #eef1f5; }
        svg .coverage { fill: var(--tick); }
        svg .label { fill: var(--ink); }
        svg .value { fill: var(--muted); }
        svg .value.over { fill: var(--over); font-weight: 700; }
        svg .hatch-line { stroke: var(--over); stroke-width: 3; }
        svg .hatch-ground { fill: #f6d5d3; }
        @page { size: A4; margin: 11mm 11mm 12mm; }
        @media print {
          /* Liberation Sans (Debian's fonts-liberation), metric for metric Arial, sets more per
             line than most UI fonts; named first, so that the pages break in the same places on
             every machine that has it, whatever other fonts are installed. One font for all:
             a monospace font's other ascent and descent make the lines it is on taller. */
          body { margin: 0; padding: 0; max-width: none; font: 9pt/1.25 "Liberation Sans", Arial, Helvetica, sans-serif; }
          .tick, .stamp { font-family: inherit; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
          h1 { font-size: 14pt; margin: 0 0 2mm; }
          h2 { font-size: 11pt; margin: 2.5mm 0 1.2mm; padding-bottom: .5mm; }
          h3 { font-size: 9.5pt; margin: 0 0 .5mm; }
          p { margin: 0 0 1mm; }
          th, td { padding: .3mm 2mm; }
          table.facts { width: 100%; }
          table.facts tbody { display: block; columns: 2; column-gap: 6mm; }
          table.facts tr { display: flex; break-inside: avoid; border-bottom: 1px solid var(--line); }
          table.facts th { width: 24mm; flex: none; }
          table.facts th, table.facts td { border: 0; }
          .recommendation { margin: 1.5mm 0; padding: .5mm 3mm 1mm; }
          .recommendation h2 { margin: 1mm 0; }
          .recommendation h3 { display: inline; }
          ul.rubric, ul.notes { margin: 0 0 1mm; padding-left: 0; }
          ul.rubric li { display: inline; margin-right: 2.5mm; }
          p.rubric-count { display: none; }
          li { break-inside: avoid; }
          /* Paper keeps each note's question clock; the times into the interview are on screen. */
          .times { display: none; }
          /* On paper, the follow-ups that were asked; the screen lists them all. */
          ul.follow-ups li.unchecked { display: none; }
          .stamp { margin-right: 1mm; }
          table.competencies { font-size: 8pt; }
          table.competencies thead { display: none; }
          table.competencies tbody { display: block; columns: 3; column-gap: 4mm; width: 150mm; }
          table.competencies tr { display: flex; break-inside: avoid; }
          table.competencies td { border: 0; padding: 0 1mm; }
          ul.follow-ups { margin: 0; }
          section.evidence h2, section.competencies h2 { float: left; margin: 0 3mm 0 0; border: 0; font-size: 9.5pt; }
          section.evidence, section.competencies { overflow: hidden; margin: 0 0 1mm; }
          table.competencies { width: auto; }
          section.evidence ul { margin: 0; padding-left: 4mm; }
          section.evidence p { display: inline; }
          p.timeline { font-size: 8pt; margin: 0; }
          table.facts { margin: 0; }
          h1 { margin: 0 0 1mm; }
          /* The chart at its own size: one unit of the SVG a CSS pixel, its text 9.5pt. */
          svg.chart { width: 680px; max-width: 100%; font-size: 9.5pt; font-family: "Liberation Sans", Arial, Helvetica, sans-serif; }
          figcaption { font-size: 7pt; line-height: 1.1; }
          /* The chart and the questions' sections say all the table does. */
          section.summary { display: none; }
          div.details { columns: 2; column-gap: 6mm; font-size: 8.5pt; line-height: 1.22; }
          section.question { break-inside: avoid; margin: 0 0 1.8mm; }
          article + article { break-before: page; }
          .recommendation, figure, table.facts { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
        }
        """

    static func article(_ s: SessionReport, number n: Int) -> String {
        var out = "<article class=\"session\" id=\"session-\(n)\">\n"
        let who = s.candidate.isEmpty ? "(no candidate name)" : s.candidate
        out += "<h1>Interview scorecard: \(h(who))</h1>\n"
        out += "<table class=\"facts\"><tbody>\n"
        let facts: [(String, String)] = [
            ("Candidate", h(s.candidate)), ("Interviewer", h(s.interviewer)),
            ("Date", h(ReportText.date(s.startedAt))),
            ("Bank", "\(h(s.bank.title)) <span class=\"muted\">(\(h(s.bank.source)))</span>"),
            ("Mode", s.mode.rawValue), ("Status", s.status.rawValue),
            ("Total time", timeHTML(s.totalSeconds, budget: s.bank.durationSeconds)),
        ]
        for (key, value) in facts { out += "<tr><th scope=\"row\">\(key)</th><td>\(value)</td></tr>\n" }
        out += "</tbody></table>\n"
        out += timeline(s)

        out += "<section class=\"recommendation\">\n"
        if let amended = s.amendedAt {
            out += "<p class=\"amended\">Opened again after the end, at \(Durations.clock(Durations.wholeSeconds(amended))) in, for \(Durations.clock(s.amendingSeconds)) (not counted in the times): \(h(ReportText.amended)) marks what changed.</p>\n"
        }
        out += "<h2>Recommendation: \(h(ReportText.rating(s.recommendation)))\(s.overallAmended ? " " + h(ReportText.amended) : "")</h2>\n"
        let closing = s.closingNotes.filter { !$0.text.allSatisfy(\.isWhitespace) }
        if closing.isEmpty {
            out += "<p class=\"muted\">No closing notes.</p>\n"
        } else {
            out += "<h3>Closing notes</h3>\n<ul class=\"notes\">\n"
            for line in closing { out += "<li>\(times(line))<span class=\"closing-text\">\(h(line.text))</span></li>\n" }
            out += "</ul>\n"
        }
        out += "</section>\n"
        out += evidence(s)
        out += competencies(s)

        out += "<section class=\"chart\">\n<h2>Time and rubric per question</h2>\n<figure>\n"
        out += chart(s, number: n)
        out += "<figcaption class=\"muted\">Bars: time on each question; black marks: its budget; hatched bars and “+mm:ss over”: over budget. Right: rubric items ticked.</figcaption>\n"
        out += "</figure>\n</section>\n"

        out += "<section class=\"summary\">\n<h2>Questions</h2>\n"
        out += "<table class=\"questions\"><thead><tr><th>#</th><th>Question</th><th>Rating</th><th>Time/budget</th><th>Rubric</th></tr></thead><tbody>\n"
        for q in s.questions {
            let prompt = "<a href=\"#s\(n)-q\(q.number)\">\(h(q.prompt))</a>\(q.added ? " <span class=\"added\">(added)</span>" : "")"
            if q.asked {
                out += "<tr><td class=\"num\">\(q.number)</td><td>\(prompt)</td><td>\(h(ReportText.rating(q.rating)))</td><td>\(timeHTML(q.elapsedSeconds, budget: q.budgetSeconds))</td><td>\(q.rubric.isEmpty ? "-" : "\(q.checkedCount)/\(q.rubric.count)")</td></tr>\n"
            } else {
                out += "<tr class=\"not-asked\"><td class=\"num\">\(q.number)</td><td>\(prompt)</td><td>\(h(why(q)))</td><td></td><td></td></tr>\n"
            }
        }
        out += "</tbody></table>\n"
        if s.notInPlan > 0 { out += "<p class=\"muted not-in-plan\">\(ReportText.notInPlan(s.notInPlan)).</p>\n" }
        out += "</section>\n"

        out += "<div class=\"details\">\n"
        for q in s.questions {
            out += "<section class=\"question\" id=\"s\(n)-q\(q.number)\">\n"
            let added = q.added ? " <span class=\"added\">(added during the interview)</span>" : ""
            guard q.asked else {
                out += "<h3>\(q.number). \(h(q.prompt))\(added) <span class=\"not-asked\">(\(h(why(q))))</span></h3>\n</section>\n"
                continue
            }
            out += "<h3>\(q.number). \(h(q.prompt))\(added)\(q.amendedAfterEnd ? " " + h(ReportText.amended) : "")</h3>\n"
            out += "<p>Rating: <strong>\(h(ReportText.rating(q.rating)))</strong> · Time: \(timeHTML(q.elapsedSeconds, budget: q.budgetSeconds))</p>\n"
            if !q.rubric.isEmpty {
                out += "<p class=\"rubric-count\">Rubric \(q.checkedCount)/\(q.rubric.count):</p>\n<ul class=\"rubric\">\n"
                for item in q.rubric {
                    out += "<li class=\"\(item.checked ? "checked" : "unchecked")\"><span class=\"tick\">[\(item.checked ? "x" : "&#160;")]</span>&#160;\(h(item.text))</li>\n"
                }
                out += "</ul>\n"
            }
            if !q.followUps.isEmpty {
                out += "<p class=\"rubric-count\">Follow-ups \(q.followUps.filter(\.asked).count)/\(q.followUps.count) asked:</p>\n<ul class=\"rubric follow-ups\">\n"
                for item in q.followUps {
                    out += "<li class=\"\(item.asked ? "checked" : "unchecked")\"><span class=\"tick\">[\(item.asked ? "x" : "&#160;")]</span>&#160;\(h(item.text))</li>\n"
                }
                out += "</ul>\n"
            }
            let notes = q.notes.filter { !$0.text.allSatisfy(\.isWhitespace) }
            if notes.isEmpty {
                out += "<p class=\"muted\">No notes.</p>\n"
            } else {
                out += "<ul class=\"notes\">\n"
                for line in notes {
                    out += "<li><span class=\"stamp\">\(ReportText.stamp(line.at))</span>\(times(line))<span class=\"note-text\">\(h(line.text))</span></li>\n"
                }
                out += "</ul>\n"
            }
            out += "</section>\n"
        }
        out += "</div>\n"
        out += "</article>\n"
        return out
    }

    /// `skipped: reason` or `not asked`.
    private static func why(_ q: SessionReport.QuestionReport) -> String {
        q.skipped ? "skipped" + (q.skipReason.map { ": " + $0 } ?? "") : "not asked"
    }

    /// A note's time into the interview and clock time, after its stamp.
    private static func times(_ note: SessionReport.Note) -> String {
        let text = ReportText.noteTimes(note)
        return text.isEmpty ? "" : "<span class=\"stamp times\">(\(h(text)))</span>"
    }

    private static func evidence(_ s: SessionReport) -> String {
        var out = "<section class=\"evidence\">\n<h2>Evidence check</h2>\n"
        if s.evidence.isEmpty { return out + "<p class=\"muted\">\(EvidenceCheck.allClear)</p>\n</section>\n" }
        out += "<ul>\n" + s.evidence.map { "<li>\(h($0.message))</li>\n" }.joined() + "</ul>\n</section>\n"
        return out
    }

    private static func competencies(_ s: SessionReport) -> String {
        guard !s.competencies.isEmpty || !s.uncoveredCompetencies.isEmpty else { return "" }
        var out = "<section class=\"competencies\">\n<h2>Competencies</h2>\n"
        out += "<table class=\"competencies\"><thead><tr><th>Competency</th><th>Average rating</th><th>Questions</th></tr></thead><tbody>\n"
        for c in s.competencies {
            let average = c.averageRating.map(EvidenceCheck.oneDecimal) ?? "not rated"
            out += "<tr><td>\(h(c.name))</td><td>\(average)</td><td>\(c.questions.map(String.init).joined(separator: ", "))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        if !s.uncoveredCompetencies.isEmpty {
            out += "<p class=\"not-covered\">Not covered: \(s.uncoveredCompetencies.map(h).joined(separator: ", ")).</p>\n"
        }
        return out + "</section>\n"
    }

    /// Pauses, undos, interruptions, resumes and reopenings: one short paragraph.
    private static func timeline(_ s: SessionReport) -> String {
        guard !s.timeline.isEmpty else { return "" }
        return "<p class=\"timeline\"><strong>Timeline:</strong> "
            + s.timeline.map { h(ReportText.timelineEntry($0)) }.joined(separator: " · ") + ".</p>\n"
    }

    private static func timeHTML(_ elapsed: Int, budget: Int) -> String {
        let text = ReportText.time(elapsed, budget: budget)
        return Durations.isOver(elapsed, budget: budget) ? "<span class=\"over\">\(text)</span>" : text
    }

    /// One row per question: its number and prompt, a bar of its time on a scale shared
    /// by all rows with a mark at its budget, the time as text, the overrun in words in
    /// a column of its own ("+00:22 over"), and its rubric coverage. Over budget shows by
    /// the hatch, the outline and the words, never by colour alone.
    ///
    /// The columns are laid out for 13-unit text (the CSS's size on screen, 9.5pt in
    /// print, where one unit is a CSS pixel) in the widest of the usual fonts: a label is
    /// cut (`…`) to fit its column, and a time fits its own (an hour or more, which would
    /// not, is squeezed into it with `textLength`).
    static func chart(_ s: SessionReport, number n: Int) -> String {
        let width = 680, rowHeight = 16, top = 20
        let labelX = 0, barX = 190, barWidth = 176, timeX = 374, overX = 470, coverageX = 584, coverageWidth = 40
        let countX = coverageX + coverageWidth + 6
        let height = top + rowHeight * s.questions.count + 6
        let scale = Double(max(1, s.questions.map { max($0.elapsedSeconds, $0.budgetSeconds) }.max() ?? 1))
        func x(_ seconds: Int) -> Int { barX + Int((Double(seconds) / scale * Double(barWidth)).rounded()) }
        /// `<text …>`, squeezed into `room` units when it would be wider.
        func text(_ content: String, x: Int, y: Int, room: Int, bold: Bool = false, classes: String) -> String {
            let fit = Self.estimatedWidth(content, bold: bold) > Double(room)
                ? " textLength=\"\(room)\" lengthAdjust=\"spacingAndGlyphs\"" : ""
            return "<text class=\"\(classes)\" x=\"\(x)\" y=\"\(y)\"\(fit)>\(h(content))</text>\n"
        }
        let hatch = "over-hatch-\(n)"
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"chart-title-\(n)\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">\n"
        out += "<title id=\"chart-title-\(n)\">Time per question against its budget, and rubric items ticked</title>\n"
        out += "<defs><pattern id=\"\(hatch)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
        out += "<rect class=\"hatch-ground\" width=\"6\" height=\"6\"/><line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>\n"
        out += "<text class=\"value\" x=\"\(barX)\" y=\"14\">time (bar), budget (mark)</text>\n"
        out += "<text class=\"value\" x=\"\(overX)\" y=\"14\">over budget</text>\n"
        out += "<text class=\"value\" x=\"\(coverageX)\" y=\"14\">rubric</text>\n"
        for (row, q) in s.questions.enumerated() {
            let y = top + row * rowHeight
            let barY = y + 2, barHeight = rowHeight - 4, textY = y + rowHeight / 2 + 5
            out += "<g class=\"question\">\n<title>\(q.number). \(h(q.prompt))</title>\n"
            out += text(label(q, room: barX - labelX - 6), x: labelX, y: textY, room: barX - labelX - 6, classes: "label")
            let barEnd = x(q.elapsedSeconds)
            let fill = q.overBudget ? " fill=\"url(#\(hatch))\"" : ""
            out += "<rect class=\"bar\(q.overBudget ? " over" : "")\" x=\"\(barX)\" y=\"\(barY)\" width=\"\(barEnd - barX)\" height=\"\(barHeight)\"\(fill)/>\n"
            let budgetX = x(q.budgetSeconds)
            if q.budgetSeconds > 0 { out += "<line class=\"budget\" x1=\"\(budgetX)\" y1=\"\(barY - 3)\" x2=\"\(budgetX)\" y2=\"\(barY + barHeight + 3)\"/>\n" }
            let value = q.asked || q.elapsedSeconds > 0
                ? Durations.clock(q.elapsedSeconds) + (q.budgetSeconds > 0 ? "/\(Durations.clock(q.budgetSeconds))" : "")
                : q.skipped ? "skipped" : "not asked"
            out += text(value, x: timeX, y: textY, room: overX - timeX - 6, bold: q.overBudget, classes: "value\(q.overBudget ? " over" : "")")
            if q.overBudget {
                out += text("+\(Durations.clock(q.elapsedSeconds - q.budgetSeconds)) over", x: overX, y: textY,
                            room: coverageX - overX - 6, bold: true, classes: "value over")
            }
            if q.rubric.isEmpty {
                out += text("no rubric", x: coverageX, y: textY, room: width - coverageX, classes: "value")
            } else {
                let filled = Int((Double(q.checkedCount) / Double(q.rubric.count) * Double(coverageWidth)).rounded())
                out += "<rect class=\"track\" x=\"\(coverageX)\" y=\"\(barY)\" width=\"\(coverageWidth)\" height=\"\(barHeight)\"/>\n"
                out += "<rect class=\"coverage\" x=\"\(coverageX)\" y=\"\(barY)\" width=\"\(filled)\" height=\"\(barHeight)\"/>\n"
                out += text("\(q.checkedCount)/\(q.rubric.count)", x: countX, y: textY, room: width - countX, classes: "value")
            }
            out += "</g>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// The width of `text` at 13 units in a wide sans-serif (DejaVu Sans' advances, the
    /// widest of the usual fonts): digits 0.64 em, most letters 0.6, narrow marks 0.35;
    /// bold 8 % wider.
    static func estimatedWidth(_ text: String, bold: Bool = false) -> Double {
        text.reduce(0.0) { $0 + em($1) } * 13 * (bold ? 1.08 : 1)
    }

    private static func em(_ c: Character) -> Double {
        if c.isASCII, c.isNumber { return 0.64 }
        if ":/.,;'|!il ".contains(c) { return 0.35 }
        if "mwMW".contains(c) { return 0.95 }
        if c.isASCII { return 0.62 }
        return 1.0   // wide scripts, emoji
    }

    /// `3. What is overfitt…`: the number and the prompt, cut to fit `room` units: the
    /// longest start whose width with the `…` fits, summed in one pass (a prompt can be
    /// a whole pasted page).
    private static func label(_ q: SessionReport.QuestionReport, room: Int) -> String {
        let text = "\(q.number). " + ReportText.visible(q.prompt)
        guard estimatedWidth(text) > Double(room) else { return text }
        var end = text.startIndex
        var width = 0.0
        for index in text.indices {
            width += em(text[index])
            guard (width + em("…")) * 13 <= Double(room) else { break }
            end = text.index(after: index)
        }
        return text[..<end] + "…"
    }
}
