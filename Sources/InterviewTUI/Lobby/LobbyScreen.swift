import InterviewCore

/// The start screen, drawn from its state alone: the name being typed first (what the
/// interviewer acts on), then what the interview will be, then the plan as far as the
/// screen has rows for it. In share-safe only what the candidate may see: how many
/// questions and how long, never a prompt.
public enum LobbyScreen {
    static let labelWidth = 13

    public static func render(_ state: LobbyState) -> Canvas {
        var canvas = Canvas(width: state.size.width, height: state.size.height)
        guard state.size.width >= 20, state.size.height >= 6 else {
            canvas.put("too small", x: 0, y: 0, style: Style(.warning))
            return canvas
        }
        let rect = Rect(x: 0, y: 0, width: state.size.width, height: state.size.height - 1)
        let width = rect.width - 4
        let (field, cursorX) = nameLine(state.candidate, width: width)
        var lines = [field]
        // One line, the longest that fits: the rows below are the plan's.
        let hint = ["Enter starts the interview and its clocks · Esc q leaves, nothing written", "Enter starts the interview · Esc q leaves",
                    "Enter starts · Esc q leaves"].first { DisplayWidth.of($0) <= width - labelWidth } ?? ""
        lines += [StyledLine(prefix: pad(labelWidth), glyphs: Wrap.glyphs(hint, Style(.dim))), StyledLine()]
        lines += facts(state, width: width)
        if let notice = state.notice, !state.setup.shareSafe {
            lines += Wrap.hanging(Wrap.glyphs(notice, Style(.warning)), prefix: Wrap.glyphs("⚠ ", Style(.warning)), width: width)
        }
        if !state.setup.shareSafe {
            lines.append(StyledLine())
            lines += plan(state.setup, width: width, rows: rect.height - 2 - lines.count)
        }
        Pane(rect: rect, title: "New interview", focused: true, lines: lines).draw(into: &canvas, box: BoxChars.of(state.ascii))
        canvas.cursor = Point(x: rect.x + 2 + min(cursorX, width), y: rect.y + 1)
        status(state, into: &canvas)
        return canvas
    }

    static func pad(_ count: Int) -> [Glyph] { Array(repeating: Glyph(" ", Style(.body)), count: count) }

    static func label(_ text: String) -> [Glyph] {
        Wrap.glyphs(text.padded(toLength: labelWidth), Style(.title))
    }

    /// The name field: the name's end (where typing goes) always in sight, `…` before it
    /// when the start does not fit; the column of the cursor after it.
    static func nameLine(_ name: String, width: Int) -> (StyledLine, Int) {
        guard !name.isEmpty else {
            let hint = Words.fit("type the candidate's name (or leave it empty)", width: width - labelWidth)
            return (StyledLine(prefix: label("Candidate"), glyphs: Wrap.glyphs(hint, Style(.dim))), labelWidth)
        }
        var glyphs = Wrap.glyphs(name, Style(.strong))
        let room = max(1, width - labelWidth - 1)
        if glyphs.reduce(0, { $0 + $1.width }) > room {
            var kept: [Glyph] = []
            var used = 1
            for glyph in glyphs.reversed() where used + glyph.width <= room {
                kept.insert(glyph, at: 0)
                used += glyph.width
            }
            glyphs = [Glyph("…", Style(.dim))] + kept
        }
        return (StyledLine(prefix: label("Candidate"), glyphs: glyphs), labelWidth + glyphs.reduce(0) { $0 + $1.width })
    }

    /// Who, which bank, how long, how the screen looks.
    static func facts(_ state: LobbyState, width: Int) -> [StyledLine] {
        let setup = state.setup
        let minutes = minutesText(setup.duration)
        let rows: [(String, String)] = setup.shareSafe
            ? [("Questions", "\(setup.planned.count)"), ("Duration", minutes),
               ("Screen", "share-safe: the prompt and the clocks only (Esc s in the interview shows the rest)")]
            : [("Interviewer", setup.interviewer.isEmpty ? "(none)" : setup.interviewer),
               ("Bank", "\(setup.bank.title) · \(setup.bank.questions.count) questions"), ("Duration", minutes),
               ("Screen", "theme \(state.theme) · share-safe off (Esc s)")]
        return rows.flatMap { row in
            Wrap.hanging(Wrap.glyphs(row.1, Style(.body)), prefix: label(row.0), width: width)
        }
    }

    /// The planned questions, numbered, each prompt's first line shortened at a word, and
    /// its planned minutes; what does not fit in `rows` is counted on the last row.
    static func plan(_ setup: InterviewSetup, width: Int, rows: Int) -> [StyledLine] {
        let planned = setup.planned
        let total = planned.reduce(0) { $0 + $1.timeSeconds }
        let header = "Plan: \(planned.count) question\(planned.count == 1 ? "" : "s"), \(minutesText(total)) planned"
        var lines = [StyledLine(glyphs: Wrap.glyphs(Words.fit(header, width: width), Style(.title)))]
        guard rows > 1 else { return rows == 1 ? lines : [] }
        let numberWidth = String(planned.count).count
        let shown = planned.count <= rows - 1 ? planned.count : max(0, rows - 2)
        for (n, question) in planned.prefix(shown).enumerated() {
            let number = String(n + 1)
            let time = minutesText(question.timeSeconds)
            let room = width - numberWidth - 2 - DisplayWidth.of(time) - 2
            let prompt = Words.fit(String(question.prompt.split(whereSeparator: \.isNewline).first ?? ""), width: room)
            let gap = max(2, width - numberWidth - 2 - DisplayWidth.of(prompt) - DisplayWidth.of(time))
            lines.append(StyledLine(prefix: Wrap.glyphs(String(repeating: " ", count: numberWidth - number.count) + number + "  ", Style(.dim)),
                                    glyphs: Wrap.glyphs(prompt + String(repeating: " ", count: gap), Style(.body))
                                        + Wrap.glyphs(time, Style(.dim))))
        }
        if shown < planned.count {
            lines.append(StyledLine(glyphs: Wrap.glyphs(Words.fit("… \(planned.count - shown) more (Esc g lists them in the interview)",
                                                                  width: width), Style(.dim))))
        }
        return lines
    }

    /// `45 min`, or `1 h 30 min`; seconds only when there is less than a minute.
    static func minutesText(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds) s" }
        let minutes = Int((Double(seconds) / 60).rounded())
        return minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h" + (minutes % 60 == 0 ? "" : " \(minutes % 60) min")
    }

    /// The keys of the moment, whole ones only, or what the last key did not do.
    static func status(_ state: LobbyState, into canvas: inout Canvas) {
        let y = canvas.height - 1
        canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), Style(.status))
        var x = 1
        if let reminder = state.reminder {
            x = canvas.put(Words.fit(reminder, width: canvas.width - 2) + "  ", x: x, y: y, style: Style(.warning))
        }
        if state.pending != nil { x = canvas.put("Esc ▸ ", x: x, y: y, style: Style(.statusKey)) }
        // What to do comes first: `Enter start`, then `Esc commands`.
        let hints = LobbyKeys.table.hints(in: state, commandPending: state.pending != nil)
        for hint in hints.filter({ $0.keys != "Esc" }) + hints.filter({ $0.keys == "Esc" }) {
            let text = hint.label.isEmpty ? "" : " " + hint.label
            guard x + DisplayWidth.of(hint.keys + text) + 2 <= canvas.width else { break }
            x = canvas.put(hint.keys, x: x, y: y, style: Style(.statusKey))
            x = canvas.put(text + "  ", x: x, y: y, style: Style(.status))
        }
    }
}
