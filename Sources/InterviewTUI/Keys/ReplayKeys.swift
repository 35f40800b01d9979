/// The keys of replay.
public enum ReplayKeys {
    public typealias Table = KeyTable<ReplayState, ReplayAction>
    typealias Binding = KeyBinding<ReplayState, ReplayAction>

    public static func action(for key: Key, in state: ReplayState) -> ReplayAction? {
        switch state.screen.overlay {
        case .help?: help.action(for: key, in: state)
        case .questionList?: questionList.action(for: key, in: state)
        default: table.action(for: key, in: state)
        }
    }

    public static let table = Table(name: "replay", title: "Replay", [
        Binding([.character(" ")], "space", "play or pause", hint: Hint("space", "play", rank: 0), .togglePlay),
        Binding([.character("+"), .character("=")], "+ =", "faster: 1x, 2x, 4x, 8x, 16x", hint: Hint("+/-", "speed", rank: 1), .faster),
        Binding([.character("-"), .character("_")], "- _", "slower", .slower),
        Binding([.right, .left], "→ ←", "ten seconds on or back", hint: Hint("←/→", "10 s", rank: 2)) { key, _ in
            .seek(key == .right ? 10 : -10)
        },
        Binding([.character("]"), .character("[")], "] [", "next or previous question change",
                hint: Hint("[ ]", "question", rank: 3)) { key, _ in key == .character("]") ? .nextQuestion : .previousQuestion },
        Binding([.character("}"), .character("{")], "} {", "next or previous event",
                hint: Hint("{ }", "event", rank: 4)) { key, _ in key == .character("}") ? .nextEvent : .previousEvent },
        Binding([.home], "Home", "the start", hint: Hint("Home/End", "", rank: 5), .start),
        Binding([.end], "End", "the end", .end),
        Binding([.character("g")], "g", "the question list: go to the moment a question was first opened",
                hint: Hint("g", "list", rank: 92), .openList),
        Binding([.character("q")], "q", "quit", hint: Hint("q", "quit", rank: 95), .quit),
    ] + ViewKeys.panes { .view($0) })

    static let help: Table = ViewKeys.help { .view($0) }

    static let questionList = Table(name: "replay-question-list", title: "Question list (after g)", [
        Binding([.up, .character("k")], "↑ k", "the question above", .listMove(-1)),
        Binding([.down, .character("j")], "↓ j", "the question below", .listMove(1)),
        Binding(Key.digits(0...9), "0–9", "a question's number") { key, _ in
            if case .character(let c) = key { return .listType(c) }
            return nil
        },
        Binding([.enter], "Enter", "go to the moment it was first opened", .listJump),
        Binding([.escape, .character("g"), .character("q")], "Esc g", "close the list", .view(.closeOverlay)),
    ])
}
