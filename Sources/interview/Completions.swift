import ArgumentParser
import Foundation
import InterviewCore
import InterviewStore

/// What the shells complete (the scripts of `--generate-completion-script`, which
/// `scripts/install` installs): names the program knows, asked of it at each Tab through
/// ArgumentParser's hidden completion command, and the files that fit.
enum Complete {
    /// A bank: the library's names (`interview banks`), `*.md` files and folders.
    static let bank = CompletionKind.custom { _, _, prefix in bankNames() + files(prefix, extensions: ["md"]) }

    /// `validate`: a bank, or a folder of banks.
    static let bankOrFolder = bank

    /// `--theme`: the themes' names (`interview themes`), `*.toml` files and folders.
    static let theme = CompletionKind.custom { _, _, prefix in
        ThemeLoader.available().map(\.name) + files(prefix, extensions: ["toml"])
    }

    static func bankNames() -> [String] {
        (try? BankLibrary.standard().names()) ?? BankLoader.builtinNames
    }

    /// The entries of the folder `prefix` points into that start with its last part:
    /// folders (with a `/`) and files with one of `extensions`. Nothing hidden unless asked.
    static func files(_ prefix: String, extensions: [String]) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let folder = slash.map { String(prefix[...$0]) } ?? ""
        let start = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        var path = folder.isEmpty ? "." : folder
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { path = home + path.dropFirst(1) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasPrefix(start) && (start.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().compactMap { name in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(name), isDirectory: &isFolder) else { return nil }
            if isFolder.boolValue { return folder + name + "/" }
            return extensions.contains((name as NSString).pathExtension) ? folder + name : nil
        }
    }
}
