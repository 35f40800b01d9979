import Foundation

/// Finds a bank by path or by built-in name, and reads it.
public enum BankLoader {
    /// Names of the banks compiled into the binary (every `Resources/Banks/NAME.md` of
    /// InterviewKit, embedded by the EmbedResources plugin), sorted.
    public static let builtinNames: [String] = EmbeddedResources.names
        .filter { $0.hasSuffix(".md") }
        .map { String($0.dropLast(3)) }

    public static let defaultBankName = "machine-learning"

    /// The bytes of built-in bank `name`, exactly as in its file; nil when there is none.
    /// From the binary: no file is opened.
    static func builtinBytes(_ name: String) -> [UInt8]? {
        EmbeddedResources.bytes(name + ".md")
    }

    /// `reference` is a file path or the name of a built-in bank; a path wins.
    public static func load(_ reference: String) throws(InputError) -> Bank {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: reference, isDirectory: &isFolder) {
            guard !isFolder.boolValue else {
                throw InputError(file: reference, line: 1, column: 1, message: "is a folder: expected a bank file (Markdown)")
            }
            guard let data = FileManager.default.contents(atPath: reference) else {
                throw InputError(file: reference, line: 1, column: 1, message: "cannot be read: expected a readable bank file")
            }
            return try BankParser.parse(bytes: Array(data), file: reference)
        }
        // A name, not a path: a built-in bank, compiled in (a name with a slash is none).
        if let bytes = builtinBytes(reference) {
            return try BankParser.parse(bytes: bytes, file: "builtin:\(reference)", source: "builtin:\(reference)")
        }
        throw InputError(file: reference, line: 1, column: 1,
                         message: "no such file: expected a bank file or a built-in bank (\(builtinNames.joined(separator: ", ")))")
    }
}
