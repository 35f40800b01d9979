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
/// status line and README name them.
public struct KeyBinding<Context: Sendable, Action: Sendable>: Sendable {
    public var keys: [Key]
    /// The keys as help and README write them (`n →`).
    public var label: String
    /// What they do, for help and README; nil keeps the row out of both (a second
    /// binding of keys already listed, with another hint).
    public var help: String?
    public var hint: Hint?
    /// When the binding holds; the first binding of a key that holds wins.
    public var when: @Sendable (Context) -> Bool
    public var action: @Sendable (Key, Context) -> Action?

    public init(_ keys: [Key], _ label: String, _ help: String?, hint: Hint? = nil,
                when: @escaping @Sendable (Context) -> Bool = { _ in true },
                action: @escaping @Sendable (Key, Context) -> Action?) {
        self.keys = keys
        self.label = label
        self.help = help
        self.hint = hint
        self.when = when
        self.action = action
    }

    /// A binding whose action does not depend on the key or the moment.
    public init(_ keys: [Key], _ label: String, _ help: String?, hint: Hint? = nil,
                when: @escaping @Sendable (Context) -> Bool = { _ in true }, _ action: Action) {
        self.init(keys, label, help, hint: hint, when: when) { _, _ in action }
    }
}

/// The keys of one screen mode: the single source of what a key does there, of the
/// status line's hints, of the help overlay's rows and of README's key table (a test
/// compares README with `markdown`).
public struct KeyTable<Context: Sendable, Action: Sendable>: Sendable {
    /// The README section it fills (`<!-- keys: NAME -->`).
    public var name: String
    /// Its heading in the help overlay.
    public var title: String
    public var bindings: [KeyBinding<Context, Action>]
    /// For keys no binding takes (typing: a character is text).
    public var otherwise: (@Sendable (Key, Context) -> Action?)?
    /// README's note for what `otherwise` does, as a last row.
    public var otherwiseHelp: (label: String, help: String)?

    public init(name: String, title: String, _ bindings: [KeyBinding<Context, Action>],
                otherwise: (@Sendable (Key, Context) -> Action?)? = nil, otherwiseHelp: (label: String, help: String)? = nil) {
        self.name = name
        self.title = title
        self.bindings = bindings
        self.otherwise = otherwise
        self.otherwiseHelp = otherwiseHelp
    }

    public func action(for key: Key, in context: Context) -> Action? {
        if let binding = binding(for: key, in: context) { return binding.action(key, context) }
        return otherwise?(key, context)
    }

    /// The binding that takes `key` at this moment, if one does (not `otherwise`).
    public func binding(for key: Key, in context: Context) -> KeyBinding<Context, Action>? {
        bindings.first { $0.keys.contains(key) && $0.when(context) }
    }

    /// The status line's keys at this moment, most needed first.
    public func hints(in context: Context) -> [Hint] {
        var seen: Set<String> = []
        return bindings.compactMap { $0.when(context) ? $0.hint : nil }
            .filter { seen.insert($0.keys).inserted }
            .sorted { $0.rank < $1.rank }
    }

    /// The rows of the help overlay and of README.
    public var rows: [(keys: String, action: String)] {
        bindings.compactMap { binding in binding.help.map { (binding.label, $0) } } + (otherwiseHelp.map { [(keys: $0.label, action: $0.help)] } ?? [])
    }

    /// README's table of these keys.
    public var markdown: String {
        func code(_ keys: String) -> String {
            keys.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
        }
        let listed = bindings.compactMap { binding in binding.help.map { "| \(code(binding.label)) | \($0) |" } }
        let rest = otherwiseHelp.map { ["| \($0.label) | \($0.help) |"] } ?? []
        return "| key | action |\n|---|---|\n" + (listed + rest).joined(separator: "\n") + "\n"
    }
}

extension Key {
    /// The digit keys `1`…`9` (and `0` when asked).
    static func digits(_ range: ClosedRange<Int>) -> [Key] { range.map { .character(Character("\($0)")) } }

    var digit: Int? {
        if case .character(let c) = self { return c.wholeNumberValue }
        return nil
    }
}
