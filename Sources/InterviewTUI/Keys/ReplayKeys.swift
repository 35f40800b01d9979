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
        Binding(.key, [.character(" ")], "play or pause", hint: ("play", 0), .togglePlay),
        Binding(.key, [.character("+"), .character("=")], "faster: 1x, 2x, 4x, 8x, 16x", hint: ("speed", 1), .faster),
        Binding(.key, [.character("-"), .character("_")], "slower", .slower),
        Binding(.key, [.right, .left], "ten seconds on or back", hint: ("10 s", 2)) { key, _ in
            .seek(key == .right ? 10 : -10)
        },
        Binding(.key, [.character("]"), .character("[")], "next or previous question change",
                hint: ("question", 3)) { key, _ in key == .character("]") ? .nextQuestion : .previousQuestion },
        Binding(.key, [.character("}"), .character("{")], "next or previous event",
                hint: ("event", 4)) { key, _ in key == .character("}") ? .nextEvent : .previousEvent },
        Binding(.key, [.home], "the start", hint: ("start", 5), .start),
        Binding(.key, [.end], "the end", hint: ("end", 6), .end),
        Binding(.key, [.character("g")], "the question list: go to the moment a question was first opened",
                hint: ("list", 92), .openList),
        Binding(.key, [.character("q")], "quit", hint: ("quit", 95), .quit),
    ] + ViewKeys.panes { .view($0) })

    static let help: Table = ViewKeys.help { .view($0) }

    public static let questionList: Table = QuestionList.keys(
        name: "replay-question-list", title: "Question list (after g)", going: "go to the moment it was first opened",
        { .list($0) }, view: { .view($0) })
}
