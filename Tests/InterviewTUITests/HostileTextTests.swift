import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewTUI

/// Text that tries to act on the terminal, or to break the layout, in every place text
/// reaches the screen: prompts, sections, rubric items, tags, notes. Each must be drawn
/// as visible marks inside its pane, and the panes must keep their borders.
enum Hostile {
    /// A payload and the marks it must show as.
    struct Payload {
        var name: String
        var text: String
        var shown: String
    }

    static let payloads: [Payload] = [
        Payload(name: "CSI clear", text: "\u{1B}[2J\u{1B}[H", shown: "^[[2J^[[H"),
        Payload(name: "SGR colour", text: "\u{1B}[31;1mred\u{1B}[0m", shown: "^[[31;1mred^[[0m"),
        Payload(name: "OSC 0 title", text: "\u{1B}]0;owned\u{07}", shown: "^[]0;owned^G"),
        Payload(name: "OSC 2 title", text: "\u{1B}]2;owned\u{1B}\\", shown: "^[]2;owned^["),
        Payload(name: "OSC 52 clipboard", text: "\u{1B}]52;c;ZWNobyBvd25lZA==\u{07}", shown: "^[]52;c;ZWNobyBvd25lZA==^G"),
        Payload(name: "OSC 8 hyperlink", text: "\u{1B}]8;;https://evil.example/\u{1B}\\click\u{1B}]8;;\u{1B}\\",
                shown: "^[]8;;https://evil.example/^["),
        Payload(name: "DCS", text: "\u{1B}P+q544e\u{1B}\\", shown: "^[P+q544e^["),
        Payload(name: "APC", text: "\u{1B}_Gf=100;AAAA\u{1B}\\", shown: "^[_Gf=100;AAAA^["),
        Payload(name: "C0 controls", text: "a\u{00}b\u{07}c\u{08}d\u{0B}e\u{0C}f\u{1F}", shown: "a^@b^Gc^Hd^Ke^Lf^_"),
        Payload(name: "DEL", text: "x\u{7F}y", shown: "x^?y"),
        Payload(name: "C1 CSI and OSC", text: "\u{9B}2J\u{9D}0;owned\u{9C}\u{85}", shown: "<U+9B>2J<U+9D>0;owned<U+9C><U+85>"),
        Payload(name: "bidi overrides", text: "\u{202E}txt.exe\u{202C} \u{202A}\u{202B}\u{202D}", shown: "<U+202E>txt.exe<U+202C> <U+202A><U+202B><U+202D>"),
        Payload(name: "bidi isolates", text: "\u{2066}a\u{2067}b\u{2068}c\u{2069}", shown: "<U+2066>a<U+2067>b<U+2068>c<U+2069>"),
        Payload(name: "zero-width", text: "zero\u{200B}width\u{200D}join\u{FEFF}bom", shown: "zero"),
        Payload(name: "combining marks", text: "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307} Zalgo", shown: " Zalgo"),
        Payload(name: "wide", text: "日本語のテキスト 한국어 中文", shown: "日本語のテキスト 한국어 中文"),
        Payload(name: "emoji", text: "🚀 👩‍💻 👨‍👩‍👧‍👦 🇯🇵🇫🇷 1️⃣ ✔︎", shown: "🚀"),
    ]

    /// One question per payload: the payload in its prompt, tags, every section and a
    /// rubric item, as a bank author could write it.
    static func bankText(payloads: [Payload] = payloads) -> String {
        var text = "---\ntitle: Hostile \u{1B}]0;title\u{07} bank\nduration: 45m\n---\n"
        for (n, payload) in payloads.enumerated() {
            text += """

            ## Q\(n + 1) \(payload.name): \(payload.text) end
            time: 2m
            tags: \(payload.name), \(payload.text)

            ### Why ask
            Why \(payload.text) end

            ### Expected answer
            - \(payload.text)
            - more \(payload.text) end

            ### How to evaluate
            Evaluate \(payload.text) end

            ### Rubric
            - [ ] Item \(payload.text) end
            - [ ] Second item

            """
        }
        return text
    }

    static func bank(_ text: String = bankText()) throws -> Bank {
        try BankParser.parse(bytes: Array(text.utf8), file: "hostile.md")
    }

    static func state(_ bank: Bank, width: Int, height: Int) -> LiveState {
        let engine = SessionEngine(bank: bank, id: "hostile", candidate: "\u{1B}]0;cand\u{07}Ada\u{202E}", interviewer: "\u{9B}31m",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        return LiveState(engine: engine, size: Size(width: width, height: height))
    }
}

/// What must hold of any canvas, whatever text it shows.
enum CanvasInvariants {
    /// Every cell holds a safe, printable cluster that takes one cell (or two, followed
    /// by its continuation), so every row is exactly as wide as the screen.
    static func check(_ canvas: Canvas, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<canvas.height {
            var x = 0
            while x < canvas.width {
                let cell = canvas[x, y]
                let unsafe = cell.text.unicodeScalars.filter(VisibleText.isUnsafe)
                #expect(unsafe.isEmpty, "\(context): raw control \(unsafe.map { String($0.value, radix: 16) }) at \(x),\(y)",
                        sourceLocation: sourceLocation)
                let width = DisplayWidth.of(cell.text)
                #expect(!cell.isContinuation, "\(context): a continuation without its wide cell at \(x),\(y)", sourceLocation: sourceLocation)
                #expect(width == 1 || width == 2, "\(context): cell \(x),\(y) is \(width) wide: \(cell.text.debugDescription)",
                        sourceLocation: sourceLocation)
                if width == 2 {
                    #expect(x + 1 < canvas.width && canvas[x + 1, y].isContinuation,
                            "\(context): a wide cell without room at \(x),\(y)", sourceLocation: sourceLocation)
                }
                x += max(1, width)
            }
        }
    }

    /// Each pane's corners and side borders are where the layout puts them: nothing
    /// written inside a pane spilled over its frame.
    static func checkBorders(_ state: LiveState, _ canvas: Canvas, _ context: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        for (id, pane) in LiveScreen.panes(state).0 {
            let r = pane.rect
            let name = "\(context), pane \(id?.rawValue ?? "question")"
            // The focused pane is drawn with heavy lines.
            let heavy = pane.focused && id != nil
            let (tl, tr, bl, br, side) = heavy ? ("┏", "┓", "┗", "┛", "┃") : ("┌", "┐", "└", "┘", "│")
            #expect(canvas[r.x, r.y].text == tl && canvas[r.maxX - 1, r.y].text == tr, "\(name): top corners", sourceLocation: sourceLocation)
            #expect(canvas[r.x, r.maxY - 1].text == bl && canvas[r.maxX - 1, r.maxY - 1].text == br, "\(name): bottom corners",
                    sourceLocation: sourceLocation)
            for y in (r.y + 1)..<(r.maxY - 1) {
                #expect(canvas[r.x, y].text == side && canvas[r.maxX - 1, y].text == side, "\(name): side borders at row \(y)",
                        sourceLocation: sourceLocation)
            }
        }
    }
}

@Suite struct HostileTextTests {
    @Test(arguments: Hostile.payloads.map(\.name))
    func visibleTextShowsEveryControlAsAMark(_ name: String) throws {
        let payload = try #require(Hostile.payloads.first { $0.name == name })
        let shown = VisibleText.visible(payload.text)
        #expect(!shown.unicodeScalars.contains(where: VisibleText.isUnsafe))
        #expect(shown.contains(payload.shown), "\(shown.debugDescription)")
    }

    @Test func canvasDrawsMarksAndNeverRawControls() {
        for payload in Hostile.payloads + [Hostile.Payload(name: "CR", text: "over\rwrite\r\n", shown: "over^Mwrite^M^J")] {
            var canvas = Canvas(width: 40, height: 1)
            canvas.put(payload.text, x: 0, y: 0, style: Style(.body))
            CanvasInvariants.check(canvas, payload.name)
            #expect(canvas.text.hasPrefix(String(VisibleText.visible(payload.text).prefix(10))) || payload.shown.isEmpty || payload.name == "zero-width"
                    || payload.name == "combining marks", "\(payload.name): \(canvas.text)")
        }
    }

    @Test func zeroWidthAndCombiningTakeNoCellOfTheirOwn() {
        var canvas = Canvas(width: 20, height: 1)
        let end = canvas.put("a\u{200B}b\u{FEFF}c\u{301}\u{302}\u{303}\u{304}\u{305}d", x: 0, y: 0, style: Style(.body))
        #expect(end == 4)
        #expect(canvas.text == "abc\u{301}\u{302}\u{303}\u{304}\u{305}d")
    }

    @Test func wideCharactersAreClippedWholeAtAPaneEdge() {
        var canvas = Canvas(width: 10, height: 1)
        let end = canvas.put("ab👩‍💻🇯🇵日本語", x: 0, y: 0, style: Style(.body), limit: 9)
        #expect(end == 8, "a wide character that would cross the limit is not drawn")
        #expect(canvas.text == "ab👩‍💻🇯🇵日")
        CanvasInvariants.check(canvas, "clipped")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("日本語", x: 0, y: 0, style: Style(.body))
        canvas.put("x", x: 1, y: 0, style: Style(.body))
        canvas.put("y", x: 4, y: 0, style: Style(.body))
        CanvasInvariants.check(canvas, "overwritten")
        #expect(canvas.text == " x本y")
    }

    @Test func everyQuestionOfAHostileBankKeepsItsLayout() throws {
        let bank = try Hostile.bank()
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 60, height: 18)] {
            var state = Hostile.state(bank, width: size.width, height: size.height)
            for (n, payload) in Hostile.payloads.enumerated() {
                Live.type("note \(payload.text) end\n\(payload.text)", &state, at: Double(n))
                let context = "\(payload.name) at \(size.width)x\(size.height)"
                let typing = LiveScreen.render(state)
                CanvasInvariants.check(typing, context + ", typing")
                CanvasInvariants.checkBorders(state, typing, context + ", typing")
                Live.command("1", &state, at: Double(n))
                let canvas = LiveScreen.render(state)
                CanvasInvariants.check(canvas, context)
                CanvasInvariants.checkBorders(state, canvas, context)
                var alone = Canvas(width: 200, height: 1)
                alone.put(payload.text, x: 0, y: 0, style: Style(.body))
                #expect(canvas.text.contains(String(alone.text.prefix(size.width - 20))),
                        "\(context): the prompt shows its marks:\n\(canvas.text)")
                Live.command("n", &state, at: Double(n))
            }
        }
    }

    @Test func shareSafeWrapUpAndHelpKeepTheirLayoutWithHostileText() throws {
        var state = Hostile.state(try Hostile.bank(), width: 80, height: 24)
        Live.command("s", &state, at: 1)
        CanvasInvariants.check(LiveScreen.render(state), "share-safe")
        Live.command("s", &state, at: 2)
        Live.command("w", &state, at: 2)
        Live.type(Hostile.payloads.map(\.text).joined(separator: "\n"), &state, at: 3)
        CanvasInvariants.check(LiveScreen.render(state), "wrap-up")
        Live.command("?", &state, at: 4)
        CanvasInvariants.check(LiveScreen.render(state), "help")
    }

    @Test func aMirrorShowsAHostilePromptAsMarks() throws {
        let bank = try Hostile.bank()
        let engine = SessionEngine(bank: bank, id: "mirror", candidate: "", interviewer: "", startedAt: Date(timeIntervalSince1970: 0))
        let view = CandidateView(questions: engine.questions, durationSeconds: engine.durationSeconds, state: engine.state, at: 3)
        let canvas = MirrorScreen.render(.following(view, running: true), size: Size(width: 80, height: 24))
        CanvasInvariants.check(canvas, "mirror")
        #expect(canvas.text.contains("^[[2J^[[H"))
    }
}

/// Lines of 100,000 characters: drawn at once, wrapped only as far as the screen needs.
@Suite struct LongLineTests {
    static let words = String(repeating: "long ", count: 20_000)
    static let word = String(repeating: "x", count: 100_000)

    static func bank() throws -> Bank {
        try Hostile.bank(Hostile.bankText(payloads: [
            Hostile.Payload(name: "words", text: words, shown: "long long"),
            Hostile.Payload(name: "one word", text: word, shown: "xxxx"),
        ]))
    }

    @Test func aHundredThousandCharacterPromptSectionAndRubricItemDrawFast() throws {
        var state = Hostile.state(try Self.bank(), width: 120, height: 40)
        for n in 0..<2 {
            let started = Date()
            let canvas = LiveScreen.render(state)
            let seconds = Date().timeIntervalSince(started)
            CanvasInvariants.check(canvas, "question \(n + 1)")
            CanvasInvariants.checkBorders(state, canvas, "question \(n + 1)")
            // Every pane wraps only what it shows. A frame took 1–2 s in a debug build when the
            // guidance panes wrapped their whole text; the bound leaves room for a busy machine.
            print("a frame with 100,000-character lines, question \(n + 1): \(Int(seconds * 1000)) ms")
            #expect(seconds < 0.5, "a frame with 100,000-character lines took \(seconds) s")
            Live.command("n", &state, at: 1)
        }
    }

    @Test func aHundredThousandCharacterNoteTypedAtOnceKeepsTheCursorInView() throws {
        var state = Hostile.state(try Self.bank(), width: 80, height: 24)
        LiveReducer.reduce(&state, .type(Self.word), now: 2)
        let started = Date()
        let canvas = LiveScreen.render(state)
        #expect(Date().timeIntervalSince(started) < 2, "a debug build wraps the cursor's line of 100,000 characters")
        CanvasInvariants.check(canvas, "long note")
        CanvasInvariants.checkBorders(state, canvas, "long note")
        let cursor = try #require(canvas.cursor)
        let notes = try #require(LiveScreen.panes(state).0[.notes]).rect
        #expect(cursor.y > notes.y && cursor.y < notes.maxY - 1 && cursor.x < notes.maxX - 1, "the cursor is inside the notes pane")
        #expect(canvas[cursor.x - 1, cursor.y].text == "x")
    }
}

