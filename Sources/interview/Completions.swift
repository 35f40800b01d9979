import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
            guard let kind = PathKind(atPath: (path.hasSuffix("/") ? path : path + "/") + name) else { return nil }
            if kind == .folder { return folder + name + "/" }
            return extensions.contains(URL(fileURLWithPath: name).pathExtension) ? folder + name : nil
        }
    }
}

extension Complete {
    /// `--generate-completion-script fish`: ArgumentParser's script, made to work in fish 3
    /// too (Debian 12's), where `commandline` has no cursor index within a token and gives
    /// tokens unquoted, so that an empty word is `''` in fish 4 only. Nil for other arguments.
    static func fishScript(_ arguments: [String]) -> String? {
        guard arguments == ["--generate-completion-script", "fish"] || arguments == ["--generate-completion-script=fish"] else { return nil }
        return Interview.completionScript(for: .fish)
            .replacing("""
                    else
                        commandline -o $argv
                """, with: """
                    else if test "$argv" = -tC
                        # fish 3: the cursor is at the end of the token up to it.
                        set -l token (commandline -ct)
                        string length -- "$token"
                    else
                        commandline -o $argv
                """)
            .replacing("""
                        set tokens $tokens[..$index] \\'\\' $tokens[(math $index + 1)..]
                """, with: """
                        if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
                            set tokens $tokens[..$index] \\'\\' $tokens[(math $index + 1)..]
                        else
                            set tokens $tokens[..$index] '' $tokens[(math $index + 1)..]
                        end
                """)
    }
}
