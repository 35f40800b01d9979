/// The keys of replay.
public enum ReplayKeys {
    public typealias Table = KeyTable<ReplayState, ReplayAction>
    typealias Binding = KeyBinding<ReplayState, ReplayAction>

    public static func action(for key: Key, in state: ReplayState) -> ReplayAction? {
        (state.screen.overlay?.isHelp == true ? help : table).action(for: key, in: state)
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
        Binding([.home, .character("g")], "Home g", "the start", hint: Hint("Home/End", "", rank: 5), .start),
        Binding([.end, .character("G")], "End G", "the end", .end),
        Binding([.character("q")], "q", "quit", hint: Hint("q", "quit", rank: 95), .quit),
    ] + ViewKeys.panes { .view($0) })

    static let help: Table = ViewKeys.help { .view($0) }
}
