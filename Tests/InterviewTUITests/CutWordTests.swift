import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewTUI

/// Every screen and box at the sizes people use, checked for text cut by a border or by
/// the screen's edge, and for a key label run into what it does (`any othgo back`).
@Suite struct CutWordTests {
    static let sizes = [Size(width: 60, height: 18), Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]
    static let longName = "Ada Augusta King, Countess of Lovelace"
    static let borders: Set<Character> = ["│", "┃", "┐", "┘", "┓", "┛", "┌", "└", "┏", "┗", "─", "━"]
    static let sides: Set<Character> = ["│", "┃"]

    /// A three-question plan too long for its five minutes, on question 2, with ticks, a
    /// rating and notes; for the candidate a name longer than the question pane has room for.
    static func live(_ size: Size, practice: Bool = false) throws -> LiveState {
        let bank = try BankLoader.load("machine-learning")
        let engine = SessionEngine(bank: bank, id: "cut", mode: practice ? .practice : .live, candidate: longName, interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000), durationSeconds: 300, plan: [0, 1, 2])
        var state = LiveState(engine: engine, size: size, mode: practice ? .practice : .live)
        for command in practice ? ["n"] : ["n", "1", "3", "r3"] { Live.command(command, &state, at: 42) }
        Live.type("the candidate explained regularisation with dropout and weight decay\nsecond line", &state, at: 80)
        Live.press([.escape, .escape], &state, at: 81)
        return state
    }

    /// What `run` says of a plan that does not fit (the built-in bank's first three questions in five minutes).
    static let fitNotice = "The plan does not fit: its questions take 08:00 of a 05:00 interview"

    /// The moments of the live screen: a name, and how to get there from `live`.
    static let moments: [(String, @Sendable (inout LiveState) -> Void)] = [
        ("why ask tab", { $0.guidanceTab = .whyAsk; $0.focus = .whyAsk }),
        ("expected answer tab", { $0.guidanceTab = .expected; $0.focus = .expected }),
        ("how to evaluate tab", { $0.guidanceTab = .evaluate; $0.focus = .evaluate }),
        ("the plan's notice", { $0.notice = fitNotice }),
        ("wrap-up", { Live.command("w", &$0, at: 90) }),
        ("own question", { Live.command("+", &$0, at: 90); Live.type("What would you change in the model you shipped last?\n", &$0, at: 91) }),
        ("share-safe", { Live.command("s", &$0, at: 90) }),
        ("help", { Live.command("?", &$0, at: 90) }),
        ("quit box", { Live.command("q", &$0, at: 90) }),
        ("discard box", { Live.command("q", &$0, at: 90); Live.press([.character("d")], &$0, at: 91) }),
        ("question list", { Live.command("g", &$0, at: 90) }),
        ("own question box", { Live.command("+", &$0, at: 90); Live.type("What would you", &$0, at: 91) }),
        ("anchors box", { Live.press([.escape, .character("r")], &$0, at: 90) }),
    ]

    @Test(arguments: sizes)
    func liveScreensCutNoWord(size: Size) throws {
        for (name, move) in Self.moments {
            var state = try Self.live(size)
            move(&state)
            check(LiveScreen.render(state), "\(name) at \(size.width)x\(size.height)", base: Self.base(state))
        }
    }

    /// Whose interview it is stays in sight at every size, shortened at a word when long.
    @Test(arguments: sizes)
    func theCandidateIsNamedBesideTheQuestion(size: Size) throws {
        let top = String(LiveScreen.render(try Self.live(size)).text.prefix { $0 != "\n" })
        #expect(top.contains("Ada Augusta") && top.contains("rated 3"), "\(top)")
    }

    /// The question list shortens a prompt at a word, with `…`, never in the middle of one.
    @Test func theQuestionListShortensPromptsAtAWord() throws {
        var state = try Self.live(Size(width: 60, height: 18))
        Live.command("g", &state, at: 90)
        let texts = state.engine.questions.map { $0.prompt + ($0.tags.isEmpty ? "" : " · " + $0.tags.joined(separator: ", ")) }
        var shortened = 0
        for line in LiveScreen.render(state).text.split(separator: "\n") {
            guard let ellipsis = line.firstIndex(of: "…") else { continue }
            // The border, the mark of the row chosen and the number go: the prompt's start is left.
            let start = line[..<ellipsis].drop { !$0.isLetter }
            guard let text = texts.first(where: { $0.hasPrefix(start) }) else { continue }
            shortened += 1
            #expect(text.dropFirst(start.count).first == " ", "cut in the middle of a word: \(line)")
        }
        #expect(shortened > 0, "no prompt was long enough to be shortened")
    }

    /// The discard box of an interview where nothing was recorded says so in a sentence of its own.
    @Test(arguments: sizes)
    func discardingNothingCutsNoWord(size: Size) throws {
        var state = try Live.state(width: size.width, height: size.height)
        Live.command("q", &state, at: 5)
        Live.press([.character("d")], &state, at: 6)
        check(LiveScreen.render(state), "discard box, nothing recorded, at \(size.width)x\(size.height)", base: Self.base(state))
    }

    @Test(arguments: sizes)
    func practiceReplayMirrorAndStartScreensCutNoWord(size: Size) throws {
        var practice = try Self.live(size, practice: true)
        check(LiveScreen.render(practice), "practice at \(size.width)x\(size.height)")
        Live.command("v", &practice, at: 90)
        check(LiveScreen.render(practice), "practice revealed at \(size.width)x\(size.height)")

        var replay = ReplayState(file: try Self.live(size).engine.snapshot(at: 95), size: size)
        replay.seek(to: 95)
        check(ReplayScreen.render(replay), "replay at \(size.width)x\(size.height)")

        let live = try Self.live(size)
        let view = CandidateView(questions: live.engine.questions, durationSeconds: 300, state: live.session, at: 95, clocks: .both)
        check(MirrorScreen.render(.following(view, running: false), size: size), "mirror at \(size.width)x\(size.height)")
        check(MirrorScreen.render(.waiting("Looking for the interview…"), size: size), "mirror waiting at \(size.width)x\(size.height)")

        for share in [false, true] {
            let setup = InterviewSetup(bank: try BankLoader.load("machine-learning"), interviewer: "Grace Brewster Murray Hopper",
                                       durationSeconds: 300, plan: nil, candidateClock: nil, shareSafe: share)
            var lobby = LobbyState(setup: setup, candidate: Self.longName + " " + Self.longName, notice: Self.fitNotice,
                                   theme: "default", size: size)
            check(LobbyScreen.render(lobby), "start screen\(share ? " share-safe" : "") at \(size.width)x\(size.height)")
            lobby.candidate = ""
            check(LobbyScreen.render(lobby), "empty start screen\(share ? " share-safe" : "") at \(size.width)x\(size.height)")
        }
    }

    /// The screen under a box: where the box is drawn, a box's own cells are told from it.
    static func base(_ state: LiveState) -> Canvas? {
        guard state.overlay != nil || state.pending != nil else { return nil }
        var bare = state
        bare.overlay = nil
        bare.pending = nil
        return LiveScreen.render(bare)
    }

    /// Records every cut in `canvas`. With `base` (the screen under a box) the screen is
    /// checked whole, and the box within its own cells (a box hides the text under it).
    func check(_ canvas: Canvas, _ name: String, base: Canvas? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        var problems: [String] = []
        if let base {
            check(base, name + " (under the box)", sourceLocation: sourceLocation)
            guard let box = Self.changed(canvas, from: base) else { return }
            problems = Self.cuts(in: canvas, within: box) + Self.labelsRunIn(canvas, within: box)
        } else {
            problems = Self.cuts(in: canvas, within: Rect(x: 0, y: 0, width: canvas.width, height: canvas.height))
            problems += (0..<canvas.height).compactMap { y in
                Self.isLetter(canvas[canvas.width - 1, y]) ? "row \(y) runs into the screen's edge: \(Self.row(canvas, y))" : nil
            }
        }
        #expect(problems.isEmpty, "\(name):\n\(problems.joined(separator: "\n"))\n\(canvas.text)", sourceLocation: sourceLocation)
    }

    static func isLetter(_ cell: Cell) -> Bool { cell.text.first?.isLetter == true || cell.text.first?.isNumber == true }
    static func row(_ canvas: Canvas, _ y: Int) -> String { String(canvas.text.split(separator: "\n", omittingEmptySubsequences: false)[y]) }

    /// A letter against a border: the rest of its word is under the border, or past it.
    static func cuts(in canvas: Canvas, within rect: Rect) -> [String] {
        var problems: [String] = []
        for y in rect.y..<rect.maxY {
            for x in rect.x..<(rect.maxX - 1) {
                let (a, b) = (canvas[x, y], canvas[x + 1, y])
                guard let after = b.text.first, let before = a.text.first else { continue }
                if isLetter(a), borders.contains(after) || isLetter(b) && sides.contains(before) {
                    problems.append("row \(y), column \(x): \(row(canvas, y))")
                } else if sides.contains(before), isLetter(b) {
                    problems.append("row \(y), column \(x + 1): \(row(canvas, y))")
                }
            }
        }
        return problems
    }

    /// The cells a box changed, above the status line: the box's rectangle.
    static func changed(_ canvas: Canvas, from base: Canvas) -> Rect? {
        var (minX, minY, maxX, maxY) = (Int.max, Int.max, -1, -1)
        for y in 0..<(canvas.height - 1) {
            for x in 0..<canvas.width where canvas[x, y] != base[x, y] {
                (minX, minY, maxX, maxY) = (min(minX, x), min(minY, y), max(maxX, x), max(maxY, y))
            }
        }
        return maxX < 0 ? nil : Rect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }

    /// A key label of a box (or of help), then what it does: two spaces at least between
    /// them (not `Esc q quit`), and the label whole (not `any othgo back`).
    static func labelsRunIn(_ canvas: Canvas, within box: Rect) -> [String] {
        let rows = KeyTables.all.flatMap(\.rows)
        var problems: [String] = []
        for y in box.y..<box.maxY {
            let line = (box.x..<box.maxX).map { canvas[$0, y].text }.joined()
            let content = line.drop { $0 == " " || sides.contains($0) }
            for row in rows where row.keys.count >= 3 {
                let start = row.action.prefix(8)
                let joined = (3...row.keys.count).contains { cut in
                    guard content.hasPrefix(row.keys.prefix(cut)) else { return false }
                    let rest = content.dropFirst(cut)
                    let gap = rest.prefix { $0 == " " }.count
                    return rest.dropFirst(gap).hasPrefix(start) && (cut < row.keys.count || gap < 2)
                }
                if joined { problems.append("a key label runs into its text: \(line)") }
            }
        }
        return problems
    }
}
