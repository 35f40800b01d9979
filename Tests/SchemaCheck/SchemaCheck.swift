import Foundation
import Synchronization
// Only a test build has Swift Testing; a plain `swift build` (every target, as
// `swift build -c release` does) builds this target without the checks that record issues.
#if canImport(Testing)
import Testing
#endif

/// Every JSON document the program writes, checked in the tests against its published
/// schema (docs/schema, JSON Schema draft 2020-12) by a real validator: Python's
/// `jsonschema`, which scripts/test installs. One Python process serves every check of a
/// test run (started at the first), so a check costs a round trip, not a start of Python.
/// Without `jsonschema` the checks do nothing, and `SchemaTests` is skipped saying why.
public enum SchemaCheck {
    /// The published schemas, by the document they describe.
    public enum Schema: String, CaseIterable, Sendable {
        case session, report, debrief, stats
        case panelDebrief = "panel-debrief"

        public var fileName: String { "\(rawValue).schema.json" }
    }

    /// docs/schema, found from this file: no file outside the repository.
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/schema")

    public static var available: Bool { validator.withLock { $0.start() } }

    /// The validator's complaints about `json` (at most five, each at its path), nil when it is valid.
    public static func problems(_ json: Data, _ schema: Schema) -> String? {
        validator.withLock { $0.check(json, schema) }
    }

    #if canImport(Testing)
    /// Records an issue at the caller when `json` does not validate against `schema`.
    public static func expectValid(_ json: Data, _ schema: Schema, sourceLocation: SourceLocation = #_sourceLocation) {
        if let problems = problems(json, schema) {
            Issue.record("not a valid \(schema.rawValue) (docs/schema/\(schema.fileName)):\n\(problems)", sourceLocation: sourceLocation)
        }
    }

    public static func expectValid(_ json: String, _ schema: Schema, sourceLocation: SourceLocation = #_sourceLocation) {
        expectValid(Data(json.utf8), schema, sourceLocation: sourceLocation)
    }

    /// The session file at `url`, as the program wrote it.
    public static func expectValidSession(at url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let data = try? Data(contentsOf: url) else {
            Issue.record("cannot read \(url.path)", sourceLocation: sourceLocation)
            return
        }
        expectValid(data, .session, sourceLocation: sourceLocation)
    }
    #endif

    private static let validator = Mutex(Validator())
}

/// The Python process and its pipes. Requests are `SCHEMA LENGTH\n` then LENGTH bytes of
/// the document; each answer is one line: `ok`, or the problems as a JSON string.
private struct Validator: ~Copyable {
    private var process: Process?
    private var input: FileHandle?
    private var output: FileHandle?
    private var buffered = Data()
    private var failed = false

    private static let script = """
    import json, sys, glob, os
    try:
        import jsonschema
        from referencing import Registry, Resource
    except ImportError:
        print("missing", flush=True); sys.exit(0)
    schemas = {}
    for path in glob.glob(os.path.join(sys.argv[1], "*.schema.json")):
        schema = json.load(open(path))
        jsonschema.Draft202012Validator.check_schema(schema)
        schemas[os.path.basename(path)] = schema
    registry = Registry().with_resources([(name, Resource.from_contents(s)) for name, s in schemas.items()])
    validators = {name: jsonschema.Draft202012Validator(s, registry=registry) for name, s in schemas.items()}
    print("ready", flush=True)
    for line in sys.stdin.buffer:
        name, length = line.decode().split()
        data = sys.stdin.buffer.read(int(length))
        try:
            errors = ["/" + "/".join(map(str, e.absolute_path)) + ": " + e.message
                      for e in validators[name].iter_errors(json.loads(data))][:5]
        except ValueError as e:
            errors = ["not JSON: %s" % e]
        print(json.dumps("\\n".join(errors)) if errors else "ok", flush=True)
    """

    /// Starts the validator once; false when Python or `jsonschema` is missing.
    mutating func start() -> Bool {
        if process != nil { return true }
        if failed { return false }
        let process = Process(), stdin = Pipe(), stdout = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script, SchemaCheck.folder.path]
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        guard (try? process.run()) != nil, readLine() == "ready" else {
            failed = true
            return false
        }
        self.process = process
        return true
    }

    mutating func check(_ json: Data, _ schema: SchemaCheck.Schema) -> String? {
        guard start(), let input else { return nil }
        input.write(Data("\(schema.fileName) \(json.count)\n".utf8) + json)
        guard let answer = readLine() else { return "the validator stopped" }
        if answer == "ok" { return nil }
        return (try? JSONDecoder().decode(String.self, from: Data(answer.utf8))) ?? answer
    }

    private mutating func readLine() -> String? {
        while true {
            if let end = buffered.firstIndex(of: 0x0A) {
                let line = String(decoding: buffered[buffered.startIndex..<end], as: UTF8.self)
                buffered = Data(buffered[(end + 1)...])
                return line
            }
            guard let chunk = output?.availableData, !chunk.isEmpty else { return nil }
            buffered.append(chunk)
        }
    }
}
