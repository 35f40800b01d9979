#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// Finds a bank by path or by name (in the `BankLibrary`: one's own, a team's, built-in), and reads it.
public enum BankLoader {
    /// Names of the banks compiled into the binary (every `Resources/Banks/NAME.md` of
    /// InterviewStore, embedded by the EmbedResources plugin), sorted.
    public static let builtinNames: [String] = EmbeddedResources.names
        .filter { $0.hasSuffix(".md") }
        .map { String($0.dropLast(3)) }

    public static let defaultBankName = "machine-learning"

    /// The bytes of built-in bank `name`, exactly as in its file; nil when there is none.
    /// From the binary: no file is opened.
    static func builtinBytes(_ name: String) -> [UInt8]? {
        EmbeddedResources.bytes(name + ".md")
    }

    /// `reference` is a file path or a bank's name (see `BankLibrary`); a path wins.
    public static func load(_ reference: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(InputError) -> Bank {
        if let bank = try loadFile(reference) { return bank }
        return try load(name: reference, library: BankLibrary.standard(environment: environment))
    }

    /// As `load(_:environment:)`, with config.toml already read.
    public static func load(_ reference: String, config: Config,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(InputError) -> Bank {
        if let bank = try loadFile(reference) { return bank }
        return try load(name: reference, library: BankLibrary(config: config, environment: environment))
    }

    /// The bank `entry` of a library names.
    public static func load(_ entry: BankLibrary.Entry) throws(InputError) -> Bank {
        if entry.place == .builtin, let bytes = builtinBytes(entry.name) {
            return try BankParser.parse(bytes: bytes, file: entry.file, source: entry.file)
        }
        return try read(entry.file)
    }

    /// The bytes of `reference`: a file's, else those of the bank of that name.
    public static func bytes(_ reference: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws(InputError) -> (file: String, bytes: [UInt8]) {
        if isFile(reference) { return (reference, try readBytes(reference)) }
        let library = try BankLibrary.standard(environment: environment)
        guard let entry = try library.lookup(reference) else { throw notFound(reference, library: library) }
        if entry.place == .builtin, let bytes = builtinBytes(entry.name) { return (entry.file, bytes) }
        return (entry.file, try readBytes(entry.file))
    }

    /// The bank in the file at `path`; nil when there is no file or folder there.
    static func loadFile(_ path: String) throws(InputError) -> Bank? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try read(path)
    }

    static func read(_ path: String) throws(InputError) -> Bank {
        try BankParser.parse(bytes: readBytes(path), file: path)
    }

    static func readBytes(_ path: String) throws(InputError) -> [UInt8] {
        if PathKind(atPath: path) == .folder {
            throw InputError(file: path, message: "is a folder: expected a bank file (Markdown)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot be read: expected a readable bank file")
        }
        return Array(data)
    }

    static func isFile(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static func load(name: String, library: BankLibrary) throws(InputError) -> Bank {
        guard let entry = try library.lookup(name) else { throw notFound(name, library: library) }
        return try load(entry)
    }

    /// Neither a file nor a bank's name: the closest names when one is close, else them all.
    static func notFound(_ reference: String, library: BankLibrary) -> InputError {
        let names = library.names()
        let suggestion = Suggestion.phrase(for: reference, among: names)
        let shown = names.count > 12 ? names.prefix(12).joined(separator: ", ") + ", … (see `interview banks`)" : names.joined(separator: ", ")
        return InputError(file: reference, message: "no such file or bank: "
                          + (suggestion.isEmpty ? "expected a bank file or a bank's name (\(shown))" : suggestion))
    }
}
