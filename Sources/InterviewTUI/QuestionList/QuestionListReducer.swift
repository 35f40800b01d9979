import InterviewCore

/// What a key or a click does in the question list, live and in replay alike.
public enum ListAction: Hashable, Sendable {
    case move(Int)
    /// A digit of a question's number.
    case type(Character)
    /// Takes back a digit.
    case erase
    /// Enter: the row selected.
    case choose
    /// A row clicked.
    case pick(Int)
}

/// The question list's reducer, shared by live mode and replay: it moves the selection,
/// and says which question was chosen; what going there means (opening it, seeking to
/// the moment it was first opened) is the screen's.
extension QuestionList {
    /// Opens the list on the question on screen.
    static func open(_ state: inout LiveState) {
        state.overlay = .questionList(selection: rows(state).firstIndex(of: state.session.current) ?? 0, typed: "")
    }

    /// The question chosen (Enter, a click), once the list has closed; nil while it stays.
    static func reduce(_ state: inout LiveState, _ action: ListAction) -> Int? {
        guard case .questionList(let selection, let typed)? = state.overlay else { return nil }
        let rows = rows(state)
        switch action {
        case .move(let step):
            state.overlay = .questionList(selection: min(max(0, selection + step), max(0, rows.count - 1)), typed: "")
        case .type(let digit):
            guard typed.count < 3 else { return nil }
            let number = Int(typed + String(digit)) ?? 0
            state.overlay = .questionList(selection: (1...max(1, rows.count)).contains(number) ? number - 1 : selection,
                                          typed: typed + String(digit))
        case .erase:
            state.overlay = .questionList(selection: selection, typed: String(typed.dropLast()))
        case .choose, .pick:
            let row = if case .pick(let row) = action { row } else { selection }
            state.overlay = nil
            return rows.indices.contains(row) ? rows[row] : nil
        }
        return nil
    }

    /// The list's keys, for a screen whose actions wrap `ListAction` and `ViewAction`.
    static func keys<Context: Sendable, Action: Sendable>(name: String, title: String, going: String, notes: [(label: String, help: String)] = [],
                                      _ list: @escaping @Sendable (ListAction) -> Action,
                                      view: @escaping @Sendable (ViewAction) -> Action) -> KeyTable<Context, Action> {
        KeyTable(name: name, title: title, [
            KeyBinding(.key, [.up, .character("k")], "the question above") { _, _ in list(.move(-1)) },
            KeyBinding(.key, [.down, .character("j")], "the question below") { _, _ in list(.move(1)) },
            KeyBinding(.key, Key.digits(0...9), "a question's number") { key, _ in
                if case .character(let c) = key { return list(.type(c)) }
                return nil
            },
            KeyBinding(.key, [.backspace], "take back a digit") { _, _ in list(.erase) },
            KeyBinding(.key, [.enter], going, hint: ("go", 0)) { _, _ in list(.choose) },
            KeyBinding(.key, [.escape, .character("g"), .character("q")], "close the list", hint: ("close", 1)) { _, _ in
                view(.closeOverlay)
            },
        ], notes: notes)
    }
}
