/// How a binding's key is given.
public enum Gesture: Hashable, Sendable {
    /// The key acts at once: keys that are never text (Tab, PgDn, Ctrl-N, F1), and every
    /// key of a screen or box with nothing to type into (replay, the mirror, the quit box).
    case key
    /// `Esc` then the key, or Alt with it: a command where printable keys are text.
    case command
}

/// A key on the status line: the keys as written there, its word, and its rank (the
/// status line shows the lowest ranks first, and drops the highest on a narrow screen).
public struct Hint: Hashable, Sendable {
    public var keys: String
    public var label: String
    public var rank: Int
    public init(_ keys: String, _ label: String, rank: Int) {
        self.keys = keys
        self.label = label
        self.rank = rank
    }
}

/// One row of a key table: the keys, what they do, and how the help overlay, the
/// status line, README and the man page name them. Labels are made from the keys bound,
/// so they cannot say another key than the one that works.
public struct KeyBinding<Context: Sendable, Action: Sendable>: Sendable {
    public var gesture: Gesture
    public var keys: [Key]
    /// After one of `keys`, the binding waits for one of these (`Esc r` then a digit); the
    /// action gets that second key. Empty: `keys` act alone.
    public var then: [Key]
    /// Keys that act at once and do the same (`Ctrl-N` beside `Esc n`).
    public var direct: [Key]
    /// What they do, for help and README; nil keeps the row out of both (a second
    /// binding of keys already listed, for another moment).
    public var help: String?
    /// The word on the status line beside the keys, and its rank.
    public var hint: (label: String, rank: Int)?
    /// What the status line offers while the binding waits for its second key.
    public var thenHints: [Hint]
    /// Whether its hint and help row may show on a shared screen (false for ratings, ticks
    /// and follow-ups: they work there, unseen).
    public var shown: Bool
    /// The prompt the first key opens while the second is awaited, for the screen to
    /// draw (the rating's anchors); nil for none.
    public var prompt: String?
    /// When the binding holds; the first binding of a key that holds wins.
    public var when: @Sendable (Context) -> Bool
    public var action: @Sendable (Key, Context) -> Action?

    public init(_ gesture: Gesture, _ keys: [Key], then: [Key] = [], or direct: [Key] = [], _ help: String?,
                hint: (String, Int)? = nil, thenHints: [Hint] = [], shown: Bool = true, prompt: String? = nil,
                when: @escaping @Sendable (Context) -> Bool = { _ in true },
                action: @escaping @Sendable (Key, Context) -> Action?) {
        self.gesture = gesture
        self.keys = keys
        self.then = then
        self.direct = direct
        self.help = help
        self.hint = hint.map { (label: $0.0, rank: $0.1) }
        self.thenHints = thenHints
        self.shown = shown
        self.prompt = prompt
        self.when = when
        self.action = action
    }

    /// A binding whose action does not depend on the key or the moment.
    public init(_ gesture: Gesture, _ keys: [Key], or direct: [Key] = [], _ help: String?, hint: (String, Int)? = nil,
                shown: Bool = true, when: @escaping @Sendable (Context) -> Bool = { _ in true }, _ action: Action) {
        self.init(gesture, keys, or: direct, help, hint: hint, shown: shown, when: when) { _, _ in action }
    }

    /// The ways to give it, as help and README write them: `Esc n`, `Ctrl-N`.
    public var labels: [String] {
        let first = (gesture == .command ? "Esc " : "") + KeyLabels.list(keys) + (then.isEmpty ? "" : " " + KeyLabels.list(then))
        return (keys.isEmpty ? [] : [first]) + (direct.isEmpty ? [] : [KeyLabels.list(direct)])
    }

    /// The keys as the status line writes them: after `Esc` (while a command is pending)
    /// the key alone.
    var hintKeys: String { KeyLabels.list(keys) }
}

/// Key labels, put together.
public enum KeyLabels {
    /// `1–9` for a run of digits, the others by their labels, space between; a capital
    /// letter beside its small one is the same key, not listed twice.
    public static func list(_ keys: [Key]) -> String {
        let keys = keys.filter { key in
            guard case .character(let c) = key, c.isUppercase else { return true }
            return !keys.contains(.character(Character(c.lowercased())))
        }
        var parts: [String] = []
        var index = 0
        while index < keys.count {
            var end = index
            while end + 1 < keys.count, let a = keys[end].digit, let b = keys[end + 1].digit, b == a + 1 { end += 1 }
            parts.append(end - index >= 2 ? "\(keys[index].label)–\(keys[end].label)" : keys[index].label)
            if end - index == 1 { parts.append(keys[end].label) }
            index = end + 1
        }
        return parts.joined(separator: " ")
    }
}

/// The keys of one screen mode: the single source of what a key does there, of the
/// status line's hints, of the help overlay's rows, of README's key table and of the man
/// page's KEYS (tests compare both with `markdown`).
public struct KeyTable<Context: Sendable, Action: Sendable>: Sendable {
    /// The README section it fills (`<!-- keys: NAME -->`).
    public var name: String
    /// Its heading in the help overlay.
    public var title: String
    public var bindings: [KeyBinding<Context, Action>]
    /// Whether a printable key acts at once here (a list's digits); where none does, a
    /// printable key with nothing pending goes straight to `otherwise`, as fast as typing is.
    public let takesPrintable: Bool
    /// How many of `bindings` are this table's own, listed in its help and README rows;
    /// the rest work here too and are listed by the table they come from (the notes').
    public var listed: Int
    /// For keys no binding takes (a printable key: text).
    public var otherwise: (@Sendable (Key, Context) -> Action?)?
    /// Rows for help and README about what no single key does (`otherwise`, the mouse).
    public var notes: [(label: String, help: String)]

    public init(name: String, title: String, _ bindings: [KeyBinding<Context, Action>], also shared: [KeyBinding<Context, Action>] = [],
                otherwise: (@Sendable (Key, Context) -> Action?)? = nil, notes: [(label: String, help: String)] = []) {
        self.name = name
        self.title = title
        self.bindings = bindings + shared
        listed = bindings.count
        takesPrintable = (bindings + shared).contains { binding in
            (binding.gesture == .key ? binding.keys + binding.direct : binding.direct).contains(where: \.isPrintable)
        }
        self.otherwise = otherwise
        self.notes = notes
    }

    /// What a key does on a screen with nothing to type into and no command pending
    /// (replay, the mirror, a box).
    public func action(for key: Key, in context: Context) -> Action? {
        CommandGrammar.interpret(key, pending: nil, table: self, in: context).actions.first
    }

    /// Whether the table has commands, so that `Esc` starts one.
    public var hasCommands: Bool { bindings.contains { $0.gesture == .command } }

    /// The binding that takes `key` given with `gesture` at this moment, if one does.
    public func binding(for key: Key, _ gesture: Gesture, in context: Context) -> KeyBinding<Context, Action>? {
        bindings.first { binding in
            let bound = binding.gesture == gesture && binding.keys.contains(key) || gesture == .key && binding.direct.contains(key)
            return bound && binding.when(context)
        }
    }

    /// The binding whose second key is awaited after `first` (`Esc r` waits on the rating's).
    public func binding(after first: Key, in context: Context) -> KeyBinding<Context, Action>? {
        binding(for: first, .command, in: context) ?? binding(for: first, .key, in: context)
    }

    /// The status line's keys at this moment, most needed first: with nothing pending the
    /// keys that act at once and `Esc` for the commands; after `Esc` the commands.
    public func hints(in context: Context, commandPending: Bool = false, shared: Bool = false) -> [Hint] {
        var seen: Set<String> = []
        var hints: [Hint] = []
        for binding in bindings where binding.when(context) && (!shared || binding.shown) {
            guard let hint = binding.hint else { continue }
            if commandPending, binding.gesture == .command {
                hints.append(Hint(binding.hintKeys, hint.label, rank: hint.rank))
            } else if !commandPending, binding.gesture == .key || !binding.direct.isEmpty {
                let keys = binding.gesture == .key ? KeyLabels.list(binding.keys) : KeyLabels.list(binding.direct)
                hints.append(Hint(keys, hint.label, rank: hint.rank))
            }
        }
        if commandPending {
            hints.append(Hint("Esc", "cancel", rank: -1))
        } else if hasCommands {
            hints.append(Hint("Esc", "commands", rank: -1))
        }
        return hints.filter { seen.insert($0.keys).inserted }.sorted { $0.rank < $1.rank }
    }

    /// The rows of the help overlay and of README (on a shared screen, the shown ones).
    public func rows(shared: Bool = false) -> [(keys: String, action: String)] {
        bindings.prefix(listed).compactMap { binding in
            guard let help = binding.help, !shared || binding.shown else { return nil }
            return (binding.labels.joined(separator: "  "), help)
        } + notes.map { (keys: $0.label, action: $0.help) }
    }

    /// README's (and the man page's) table of these keys.
    public var markdown: String {
        let own = bindings.prefix(listed).compactMap { binding in
            binding.help.map { "| \(binding.labels.map { "`\($0)`" }.joined(separator: " ")) | \($0) |" }
        }
        let rest = notes.map { "| \($0.label) | \($0.help) |" }
        return "| key | action |\n|---|---|\n" + (own + rest).joined(separator: "\n") + "\n"
    }
}
