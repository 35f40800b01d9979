import InterviewCore

/// The live interview screen, drawn from state alone.
public enum LiveScreen {
    public static func render(_ state: LiveState) -> Canvas {
        var canvas = Canvas(width: state.size.width, height: state.size.height)
        guard LiveLayout.fits(state.size) else {
            TooSmall.draw(into: &canvas, need: LiveLayout.minimum)
            return canvas
        }
        let box = BoxChars.of(state.ascii)
        if state.session.shareSafe {
            ShareSafeScreen.draw(state, into: &canvas, box: box)
        } else if state.session.wrappingUp {
            WrapUpScreen.draw(state, into: &canvas, box: box)
        } else {
            let (panes, cursor) = self.panes(state)
            draw(panes, into: &canvas, box: box)
            canvas.cursor = cursor
        }
        StatusLine.draw(state, into: &canvas)
        var overlayCursor: Point?
        switch state.overlay {
        case .help?: HelpOverlay.draw(state, into: &canvas, box: box)
        case .quitConfirm?: Overlays.quitConfirm(state, into: &canvas, box: box)
        case .questionList(let selection, let typed)?: QuestionList.draw(state, selection: selection, typed: typed, into: &canvas, box: box)
        case .addQuestion(let text)?: overlayCursor = QuestionList.drawAddQuestion(text, into: &canvas, box: box)
        case .discardConfirm?: Overlays.discardConfirm(state, into: &canvas, box: box)
        case nil: break
        }
        if state.prompt == "rating", !state.session.wrappingUp, !state.session.shareSafe { Overlays.anchors(state, into: &canvas, box: box) }
        if state.overlay != nil { canvas.cursor = overlayCursor }
        return canvas
    }

    /// Draws panes, each a place a click focuses.
    static func draw(_ panes: [PaneID?: Pane], into canvas: inout Canvas, box: BoxChars) {
        for (id, pane) in panes {
            var pane = pane
            pane.id = id
            pane.draw(into: &canvas, box: box)
        }
    }

    static func layout(_ state: LiveState) -> LiveLayout {
        let promptLines = promptLines(state.question.prompt, width: state.size.width - 4).count
        let plain = LiveLayout.make(size: state.size, promptLines: promptLines, guidanceTab: state.guidanceTab)
        return LiveLayout.make(size: state.size, promptLines: promptLines, guidanceTab: state.guidanceTab,
                               content: content(state, in: plain))
    }

    /// How many lines the guidance and the rubric hold at the widths of `layout`, counted
    /// no further than the screen could show (a huge section is not wrapped whole).
    static func content(_ state: LiveState, in layout: LiveLayout) -> LiveLayout.Content {
        let limit = state.size.height
        var guidance = 0
        for (id, rect) in layout.guidance {
            let text = id == .whyAsk ? state.question.whyAsk : id == .evaluate ? state.question.howToEvaluate : state.question.expectedAnswer
            var lines = Wrap.rich(text, width: rect.width - 4, limit: limit).count
            if id == .evaluate { lines += followUpLines(state, width: rect.width - 4).count }
            guidance = max(guidance, lines)
        }
        var rubric = 0
        for item in state.question.rubric where rubric < limit {
            rubric += Wrap.hanging(limit: limit, prefix: Array(repeating: Glyph(" ", Style(.body)), count: 6),
                                   width: layout.rubric.width - 4) { Wrap.glyphs(item.prefix($0), Style(.body)) }.count
        }
        // Notes that hold text keep their rows too: only empty notes give theirs up first.
        var notes = 1
        for line in (state.editor?.lines ?? state.session.questions[state.session.current].notes) where notes < limit {
            notes += max(1, min(limit, DisplayWidth.of(line.text) / max(1, layout.notes.width - 10) + 1))
        }
        return LiveLayout.Content(guidance: guidance, rubric: rubric, notes: notes)
    }

    /// The panes of the question screen, and the cursor when typing notes.
    static func panes(_ state: LiveState) -> ([PaneID?: Pane], Point?) {
        if state.session.wrappingUp { return WrapUpScreen.panes(state) }
        let layout = layout(state)
        let question = state.question
        let q = state.session.current
        var panes: [PaneID?: Pane] = [:]

        panes[nil] = questionPane(state, rect: layout.question)
        let notesTitle = state.mode == .practice ? "Your answer" : "Notes"

        // A question of one's own has no answer key: its prompt, and the notes below it.
        let own = question.rubric.isEmpty && question.followUps.isEmpty
            && [question.whyAsk, question.expectedAnswer, question.howToEvaluate].allSatisfy(\.blocks.isEmpty)
        guard state.answerKeyShown, !own else {
            // Practice before `Esc v`: the prompt and the answer being written, nothing of the key.
            let rect = Rect(x: 0, y: layout.question.maxY, width: state.size.width, height: layout.status.y - layout.question.maxY)
            var (answer, cursor) = notesPane(state, title: own ? notesTitle : notesTitle + " · Esc v reveals the answer key", rect: rect,
                                             notes: state.session.questions[q].notes)
            if !own, answer.lines.count == 1, state.session.questions[q].notes.isEmpty, !state.isTyping {
                answer.lines = [StyledLine(glyphs: Wrap.glyphs("type your answer, then Esc v to compare it with the expected one", Style(.dim)))]
            }
            panes[.notes] = answer
            return (panes, cursor)
        }

        for (id, rect) in layout.guidance {
            let text: RichText
            switch id {
            case .whyAsk: text = question.whyAsk
            case .evaluate: text = question.howToEvaluate
            default: text = question.expectedAnswer
            }
            let title = layout.tabbed ? tabTitle(id) : id.title
            var lines = Wrap.rich(text, width: rect.width - 4, limit: linesNeeded(id, rect, state))
            if id == .evaluate { lines += followUpLines(state, width: rect.width - 4) }
            panes[id] = Pane(rect: rect, title: title, focused: state.focus == id, lines: lines, scroll: state.scroll[id] ?? 0)
        }

        let ticks = state.session.questions[q].rubric
        let rubricLimit = linesNeeded(.rubric, layout.rubric, state)
        var rubricLines: [StyledLine] = []
        for (n, item) in question.rubric.enumerated() where rubricLines.count < rubricLimit {
            let checked = ticks[n]
            let prefix = Wrap.glyphs("\(n + 1) ", Style(.dim)) + Wrap.glyphs(checked ? "[x] " : "[ ] ",
                                                                            Style(checked ? .rubricChecked : .rubricUnchecked))
            rubricLines += Wrap.hanging(limit: rubricLimit - rubricLines.count, prefix: prefix, width: layout.rubric.width - 4) {
                Wrap.glyphs(item.prefix($0), Style(checked ? .rubricChecked : .body))
            }.map { StyledLine(prefix: $0.prefix, glyphs: $0.glyphs, click: .rubricItem(n)) }
        }
        let ticked = ticks.filter { $0 }.count
        panes[.rubric] = Pane(rect: layout.rubric, title: "Rubric \(ticked)/\(ticks.count)", focused: state.focus == .rubric,
                              lines: rubricLines, scroll: state.scroll[.rubric] ?? 0)

        let (notesPane, cursor) = notesPane(state, title: notesTitle, rect: layout.notes,
                                            notes: state.session.questions[q].notes)
        panes[.notes] = notesPane
        return (panes, cursor)
    }

    /// The follow-ups under how to evaluate, each ticked once asked (`f` and its number).
    static func followUpLines(_ state: LiveState, width: Int) -> [StyledLine] {
        let followUps = state.question.followUps
        guard !followUps.isEmpty else { return [] }
        let asked = state.session.questions[state.session.current].followUpsAsked
        var lines = [StyledLine(), StyledLine(glyphs: Wrap.glyphs("Follow-ups (Esc f, then N):", Style(.title)))]
        for (n, text) in followUps.enumerated() {
            let prefix = Wrap.glyphs("\(n + 1) ", Style(.dim)) + Wrap.glyphs(asked.contains(n) ? "[x] " : "[ ] ",
                                                                          Style(asked.contains(n) ? .rubricChecked : .rubricUnchecked))
            lines += Wrap.hanging(Wrap.glyphs(text, Style(.body)), prefix: prefix, width: width)
                .map { StyledLine(prefix: $0.prefix, glyphs: $0.glyphs, click: .followUp(n)) }
        }
        return lines
    }

    /// How the interviewer's screens name a question: its place in the plan, or extra.
    static func questionTitle(_ state: LiveState, _ index: Int) -> String {
        guard let number = state.session.planNumber(index) else { return "Extra question · bank #\(index + 1)" }
        let own = state.session.questions[index].addedPrompt != nil ? "Your question" : "Question"
        return "\(own) \(number)/\(state.session.order.count)"
    }

    static func questionPane(_ state: LiveState, rect: Rect) -> Pane {
        let question = state.question
        var title = questionTitle(state, state.session.current)
        let progress = state.session.questions[state.session.current]
        if progress.skipped { title += " · skipped" } else if progress.markedAsked { title += " · marked asked" }
        if !question.tags.isEmpty { title += " · " + question.tags.joined(separator: ", ") }
        var right: [Glyph] = []
        if !state.session.shareSafe {
            // Whose interview it is, always in sight of the interviewer (never in share-safe).
            // A long name is shortened at a word: it leaves the question's title its room.
            let name = Words.fit(state.engine.file.candidate, width: max(12, rect.width / 3))
            if !name.isEmpty { right = Wrap.glyphs(name + " · ", Style(.title)) }
            let rating = state.session.questions[state.session.current].rating
            right += Wrap.glyphs(rating.map { "rated \($0): \(Rating.label($0))" } ?? "not rated", Style(rating == nil ? .dim : .rating))
        }
        return Pane(rect: rect, title: title, lines: promptLines(question.prompt, width: rect.width - 4), titleRight: right)
    }

    /// The prompt's first lines: as many as the question pane ever shows, and one more so
    /// that it says `▼ more`; a prompt of 100,000 characters is not wrapped whole on every
    /// frame.
    static func promptLines(_ prompt: String, width: Int) -> [StyledLine] {
        Wrap.hanging(limit: LiveLayout.maxPromptLines + 1, prefix: [], width: width) { Wrap.glyphs(prompt.prefix($0), Style(.strong)) }
    }

    /// The lines a scrolled pane needs wrapped: down to the end of what it shows, and one
    /// more, so that it says `▼ more`.
    static func linesNeeded(_ pane: PaneID, _ rect: Rect, _ state: LiveState) -> Int {
        let (limit, overflow) = (state.scroll[pane] ?? 0).addingReportingOverflow(max(0, rect.height - 2) + 1)
        return overflow ? .max : limit
    }

    /// Notes with their time stamps; while typing, the editor's text and the cursor,
    /// scrolled so that the cursor stays in view. Only the note lines that can reach the
    /// screen are wrapped (each takes at least one screen line): a megabyte of notes
    /// costs a frame no more than a page of them.
    static func notesPane(_ state: LiveState, title: String, rect: Rect, notes: [NoteLine]) -> (Pane, Point?) {
        let editor = state.editor
        let all = editor?.lines ?? notes
        let visible = max(0, rect.height - 2)
        let scroll = state.scroll[.notes] ?? 0
        // Typing: the lines around the cursor. Reading: from the top to a page past the scroll.
        let rows = editor.map { max(0, $0.row - visible)..<min(all.count, $0.row + visible + 1) }
            ?? 0..<min(all.count, scroll + 2 * visible + 1)
        let (lines, cursorLine, cursorX) = noteLines(all[rows], width: rect.width - 4,
                                                     cursor: editor.map { ($0.row, $0.column) })
        var pane = Pane(rect: rect, title: title,
                        focused: state.focus == .notes, lines: lines, scroll: editor == nil ? scroll : 0)
        if lines.isEmpty {
            // A replay only shows: it has no key for typing.
            let hint = state.mode == .replay ? "no notes yet at this moment" : state.mode == .practice ? "type your answer" : "type a note · Esc then a key for a command"
            pane.lines = [StyledLine(glyphs: Wrap.glyphs(Words.fit(hint, width: rect.width - 4), Style(.dim)))]
        }
        guard let cursorLine, let cursorX else { return (pane, nil) }
        // From the top, the view scrolls only as far as the cursor needs; a window that
        // starts lower has the cursor on its last line.
        pane.scroll = rows.lowerBound == 0 ? max(0, min(scroll, cursorLine), cursorLine - visible + 1)
                                           : max(0, cursorLine - visible + 1)
        let point = Point(x: rect.x + 2 + min(cursorX, rect.width - 4), y: rect.y + 1 + cursorLine - pane.scroll)
        return (pane, point)
    }

    static let stampWidth = 6

    /// The screen lines of some note lines (`cursor.row` counts in the whole notes).
    static func noteLines(_ notes: ArraySlice<NoteLine>, width: Int, cursor: (row: Int, column: Int)?) -> ([StyledLine], Int?, Int?) {
        var out: [StyledLine] = []
        var cursorLine: Int?
        var cursorX: Int?
        for row in notes.indices {
            let note = notes[row]
            let stamp = note.text.isEmpty ? "      " : Durations.clock(Durations.wholeSeconds(note.at)) + " "
            let prefix = Wrap.glyphs(stamp.padded(toLength: stampWidth), Style(.stamp))
            let glyphs = Wrap.glyphs(note.text, Style(.body))
            let ranges = Wrap.breakLines(glyphs, width: max(1, width - stampWidth))
            if let cursor, cursor.row == row {
                let index = ranges.firstIndex { cursor.column < $0.upperBound } ?? ranges.count - 1
                cursorLine = out.count + index
                cursorX = stampWidth + glyphs[ranges[index].lowerBound..<cursor.column].reduce(0) { $0 + $1.width }
            }
            let pad = Array(repeating: Glyph(" ", Style(.body)), count: stampWidth)
            for (n, range) in ranges.enumerated() {
                out.append(StyledLine(prefix: n == 0 ? prefix : pad, glyphs: Array(glyphs[range])))
            }
        }
        return (out, cursorLine, cursorX)
    }

    static func tabTitle(_ id: PaneID) -> String {
        [PaneID.whyAsk, .expected, .evaluate].map { $0 == id ? "[\($0.title)]" : $0.title }.joined(separator: " · ")
    }

    public static func visibleLines(_ pane: PaneID, in state: LiveState) -> Int {
        panes(state).0[pane]?.visibleLines ?? 0
    }

    public static func maxScroll(_ pane: PaneID, in state: LiveState) -> Int {
        panes(state).0[pane]?.maxScroll ?? 0
    }

}
