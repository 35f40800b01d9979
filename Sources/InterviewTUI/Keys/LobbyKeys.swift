/// The keys of the start screen (`run` before the interview starts): printable keys are
/// the candidate's name, as everywhere they are text.
public enum LobbyKeys {
    typealias Binding = KeyBinding<LobbyState, LobbyAction>

    public static let table = KeyTable<LobbyState, LobbyAction>(name: "lobby", title: "Start screen (run, before Enter)", [
        Binding(.key, [.enter], "start the interview: the clocks start and the session file is made now", hint: ("start", 0), .start),
        Binding(.key, [.backspace], "take back a character of the name", .erase),
        Binding(.key, [.control("w")], "take back a word of the name", .eraseWord),
        Binding(.command, [.character("q")], "leave: no interview, nothing written", hint: ("leave", 1), .leave),
    ], otherwise: { key, _ in
        if case .character(let c) = key { return .type(String(c)) }
        return nil
    }, notes: [("any other key, a paste", "the candidate's name"), ("Ctrl-C", "leave too: nothing written")])
}
