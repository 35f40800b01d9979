import InterviewCore

/// The keys a panel member's screen (`interview join`) has besides the live screen's:
/// back to the question the lead is on. Every other key is the live screen's.
public enum JoinKeys {
    public static let table = KeyTable<LiveState, JoinAction>(name: "join", title: "Panel member (interview join)", [
        KeyBinding(.command, [.character("l")], "lead's question: back to the question the lead is on, and follow the lead again",
                   hint: ("lead's question", 0), .backToLead),
    ])

    /// How the status line names the key: `Esc l`.
    static var backLabel: String { table.bindings[0].labels[0] }
}
