/// What the command grammar waits for after a key: the command key after `Esc`, or a
/// binding's second key (`Esc r` waits for the rating).
public enum PendingCommand: Hashable, Sendable {
    case command
    case then(Key)
}

/// Keys to actions, through a screen's key table: the one place that knows what `Esc`
/// means. Printable keys are text (the table's `otherwise`); `Esc` then a key (or Alt
/// with it) is a command; one `Esc` gives one command, and a command that asks for a
/// second key (`r` then a digit) takes that one key. A key that no command has cancels
/// what was pending and is taken as if nothing were: no keystroke is lost.
public enum CommandGrammar {
    public struct Step<Action> {
        /// What the next key completes; nil when nothing waits.
        public var pending: PendingCommand?
        public var actions: [Action] = []
        /// A key given after `Esc` that no command has (the screen says so).
        public var unknown: Key?
        /// A command was started in this step (`Esc`, or an Alt-key that is `Esc` and its
        /// key at once), even if it ended in the same step.
        public var escaped = false
    }

    public static func interpret<Context, Action>(_ key: Key, pending: PendingCommand?, table: KeyTable<Context, Action>,
                                                 in context: Context) -> Step<Action> {
        if case .alt(let character) = key, table.hasCommands {
            // Alt+key is Esc then the key: the same bytes in most terminals.
            let escape = interpret(.escape, pending: pending, table: table, in: context)
            var step = interpret(.character(character), pending: escape.pending, table: table, in: context)
            step.actions = escape.actions + step.actions
            step.escaped = step.escaped || escape.escaped
            return step
        }
        switch pending {
        case nil:
            return idle(key, table: table, in: context)
        case .command?:
            if key == .escape { return Step(pending: nil) }
            if let binding = table.binding(for: key, .command, in: context) {
                if !binding.then.isEmpty { return Step(pending: .then(key)) }
                return Step(pending: nil, actions: binding.action(key, context).map { [$0] } ?? [])
            }
            var step = idle(key, table: table, in: context)
            step.unknown = key
            return step
        case .then(let first)?:
            if key == .escape { return Step(pending: nil) }
            if let binding = table.binding(after: first, in: context), binding.then.contains(key) {
                return Step(pending: nil, actions: binding.action(key, context).map { [$0] } ?? [])
            }
            return idle(key, table: table, in: context)
        }
    }

    /// A key with nothing pending: a key that acts at once, `Esc` starting a command, or
    /// what the table does with the rest (text).
    private static func idle<Context, Action>(_ key: Key, table: KeyTable<Context, Action>, in context: Context) -> Step<Action> {
        if key.isPrintable, !table.takesPrintable { return Step(pending: nil, actions: table.otherwise?(key, context).map { [$0] } ?? []) }
        if let binding = table.binding(for: key, .key, in: context) {
            if !binding.then.isEmpty, binding.gesture == .key { return Step(pending: .then(key)) }
            return Step(pending: nil, actions: binding.action(key, context).map { [$0] } ?? [])
        }
        if key == .escape, table.hasCommands { return Step(pending: .command, escaped: true) }
        if case .alt(let character) = key {
            // A table without commands (a box, a list, replay): where Esc does something it is
            // Esc alone (the key after it would be read against a box already closed); else the key.
            if table.binding(for: .escape, .key, in: context) != nil { return idle(.escape, table: table, in: context) }
            return idle(.character(character), table: table, in: context)
        }
        return Step(pending: nil, actions: table.otherwise?(key, context).map { [$0] } ?? [])
    }
}
