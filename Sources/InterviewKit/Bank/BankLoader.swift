import Foundation

/// Finds a bank by path or by built-in name, and reads it.
public enum BankLoader {
    /// Names of the banks shipped inside the binary's resources.
    public static var builtinNames: [String] {
        guard let folder = builtinFolder,
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    public static let defaultBankName = "machine-learning"

    static var builtinFolder: URL? { Bundle.module.url(forResource: "Banks", withExtension: nil) }

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
        // A name, not a path: no slash, so that `builtin:../x` cannot reach outside the folder.
        if !reference.contains("/"), let folder = builtinFolder,
           let data = FileManager.default.contents(atPath: folder.appendingPathComponent(reference + ".md").path) {
            return try BankParser.parse(bytes: Array(data), file: "builtin:\(reference)", source: "builtin:\(reference)")
        }
        throw InputError(file: reference, line: 1, column: 1,
                         message: "no such file: expected a bank file or a built-in bank (\(builtinNames.joined(separator: ", ")))")
    }
}
