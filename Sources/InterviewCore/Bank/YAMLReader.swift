import CYAML

/// A YAML value as a bank's front matter needs it: text, lists and mappings, each with
/// where it starts. YAML's implicit types are not resolved: every scalar is the text it
/// was written as (`yes`, `1.5` and `~` are those words), which is all the front matter takes.
struct YAMLNode {
    enum Content {
        /// The text, and whether it was written plain (not quoted, not a `|` or `>` block).
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    var content: Content
    /// Where it starts in the YAML text, both from 1; the column in Unicode scalars.
    var line: Int
    var column: Int
}

/// Why a text is not YAML (libyaml's words), at its place, both from 1: in the text as
/// `YAMLReader` throws it, in the file once the bank parser has moved it there.
struct YAMLProblem: Error {
    var line: Int
    var column: Int
    var message: String
}

/// Reads YAML with libyaml's event API: the events become a `YAMLNode` tree; an alias is
/// the node its anchor named (a later anchor of the same name hides the earlier one); a
/// mapping with a key given twice is refused.
enum YAMLReader {
    /// The single document of `text`, or nil when it has none (only comments and blank lines).
    static func document(_ text: String) throws(YAMLProblem) -> YAMLNode? {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(YAMLProblem) -> YAMLNode? in
                guard let parser = iyaml_parser_new(bytes.baseAddress, bytes.count) else {
                    throw YAMLProblem(line: 1, column: 1, message: "out of memory")
                }
                defer { iyaml_parser_free(parser) }
                var composer = Composer(parser: parser, text: bytes)
                return try composer.document()
            }
        }
        return try result.get()
    }
}

/// One libyaml event, copied out of libyaml's memory.
private struct Event {
    enum Kind {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(String)
        case scalar(String, plain: Bool, anchor: String?)
        case sequenceStart(anchor: String?)
        case mappingStart(anchor: String?)
        case sequenceEnd, mappingEnd
    }

    var kind: Kind
    var line: Int
    var column: Int
}

/// The nodes of the document being read, from its events in order.
private struct Composer {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    let text: UnsafeBufferPointer<UInt8>
    /// Each anchor's node, and how deep lists and mappings nest in it (an alias counts as deep as its node).
    var anchors: [String: (node: YAMLNode, height: Int)] = [:]

    /// A sequence or mapping whose end event has not come yet.
    struct Open {
        var isMapping: Bool
        var anchor: String?
        var line: Int
        var column: Int
        /// A mapping's keys and values, alternating.
        var items: [YAMLNode] = []
        /// How deep lists and mappings nest in the items so far.
        var height = 0
    }

    mutating func document() throws(YAMLProblem) -> YAMLNode? {
        _ = try next()  // the stream's start
        guard case .documentStart = try next().kind else { return nil }
        let root = try node(from: try next())
        _ = try next()  // the document's end
        let after = try next()
        guard case .streamEnd = after.kind else {
            throw YAMLProblem(line: after.line, column: after.column,
                              message: "found a second document (after a line '...' or '---'): expected one")
        }
        return root
    }

    /// How deep lists and mappings may nest. A front matter needs 2; releasing a tree is a
    /// recursion, so a deeper one (`[[[[…` a hundred thousand times) would exhaust the stack.
    static let maxDepth = 100

    /// The node that `first` starts, read on to its last event: in a loop, not a recursion.
    private mutating func node(from first: Event) throws(YAMLProblem) -> YAMLNode {
        var open: [Open] = []
        var event = first
        while true {
            var done: YAMLNode
            var height = 0
            switch event.kind {
            case .scalar(let text, let plain, let anchor):
                done = YAMLNode(content: .scalar(text, plain: plain), line: event.line, column: event.column)
                register(anchor, done, height: 0)
            case .alias(let name):
                guard let target = anchors[name] else {
                    throw YAMLProblem(line: event.line, column: event.column, message: "found undefined alias")
                }
                // Aliases of aliases nest as deep as collections written out (`a1: &a1 [*a0]`…).
                guard open.count + target.height <= Self.maxDepth else {
                    throw YAMLProblem(line: event.line, column: event.column,
                                      message: "lists or mappings nested deeper than \(Self.maxDepth) levels (through aliases)")
                }
                (done, height) = target
            case .sequenceStart(let anchor), .mappingStart(let anchor):
                guard open.count < Self.maxDepth else {
                    throw YAMLProblem(line: event.line, column: event.column,
                                      message: "lists or mappings nested deeper than \(Self.maxDepth) levels")
                }
                let isMapping = if case .mappingStart = event.kind { true } else { false }
                open.append(Open(isMapping: isMapping, anchor: anchor, line: event.line, column: event.column))
                event = try next()
                continue
            case .sequenceEnd, .mappingEnd:
                let closed = open.removeLast()
                done = try Self.collection(closed)
                height = closed.height + 1
                register(closed.anchor, done, height: height)
            case .streamStart, .streamEnd, .documentStart, .documentEnd:
                preconditionFailure("libyaml gives no \(event.kind) inside a node")
            }
            guard !open.isEmpty else { return done }
            open[open.count - 1].items.append(done)
            open[open.count - 1].height = max(open[open.count - 1].height, height)
            event = try next()
        }
    }

    private mutating func register(_ anchor: String?, _ node: YAMLNode, height: Int) {
        if let anchor { anchors[anchor] = (node, height) }
    }

    /// A closed sequence or mapping as a node; a mapping whose text keys repeat is refused
    /// at the first place of the first of them in alphabetical order. Types unresolved,
    /// `1` and `"1"` are one key here (two to Yams): neither is a front-matter key anyway.
    private static func collection(_ open: Open) throws(YAMLProblem) -> YAMLNode {
        guard open.isMapping else {
            return YAMLNode(content: .sequence(open.items), line: open.line, column: open.column)
        }
        let pairs = stride(from: 0, to: open.items.count - 1, by: 2).map { (key: open.items[$0], value: open.items[$0 + 1]) }
        var firstOfKey: [String: YAMLNode] = [:]
        var repeated: Set<String> = []
        for (key, _) in pairs {
            guard case .scalar(let text, _) = key.content else { continue }
            if firstOfKey[text] == nil { firstOfKey[text] = key } else { repeated.insert(text) }
        }
        let names = repeated.sorted()
        if let name = names.first, let first = firstOfKey[name] {
            throw YAMLProblem(line: first.line, column: first.column, message: "a key given twice (\(names.joined(separator: ", ")))")
        }
        return YAMLNode(content: .mapping(pairs), line: open.line, column: open.column)
    }

    /// The next event, or libyaml's error at its place.
    private func next() throws(YAMLProblem) -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw problem() }
        defer { yaml_event_delete(&event) }
        let kind: Event.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_ALIAS_EVENT: kind = .alias(String(cString: event.data.alias.anchor))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            // Not a C string: a scalar may hold a NUL ("\0").
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            kind = .scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, anchor: Self.string(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT: kind = .sequenceStart(anchor: Self.string(event.data.sequence_start.anchor))
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT: kind = .mappingStart(anchor: Self.string(event.data.mapping_start.anchor))
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default: kind = .streamEnd  // YAML_STREAM_END_EVENT: a parse that succeeds gives no other
        }
        return Event(kind: kind, line: event.start_mark.line + 1, column: event.start_mark.column + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// libyaml's error: at the start of what it was reading (a key, a quoted value) when
    /// it says so, else where it stopped; a reader's error at its byte.
    private func problem() -> YAMLProblem {
        let state = parser.pointee
        let what = state.problem.map { String(cString: $0) } ?? "unknown error"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return YAMLProblem(line: 1, column: 1, message: "out of memory")
        case YAML_READER_ERROR:
            let place = Self.place(ofByte: state.problem_offset, in: text)
            return YAMLProblem(line: place.line, column: place.column, message: what)
        default:
            let within = state.context.map { " " + String(cString: $0) } ?? ""
            let mark = state.context == nil ? state.problem_mark : state.context_mark
            return YAMLProblem(line: mark.line + 1, column: mark.column + 1, message: what + within)
        }
    }

    /// The line and column (in Unicode scalars) of byte `offset` of `text`, both from 1.
    private static func place(ofByte offset: Int, in text: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let before = text.prefix(offset)
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        // A scalar starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
        let column = before[lineStart...].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (before.count { $0 == UInt8(ascii: "\n") } + 1, column)
    }
}
