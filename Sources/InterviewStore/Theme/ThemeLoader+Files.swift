#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// The part of `ThemeLoader` that looks for theme files (its reading of text is pure, in InterviewCore).
extension ThemeLoader {
    /// `reference` is a file path (when such a file exists) or a theme name.
    public static func load(_ reference: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(InputError) -> Theme {
        if let kind = PathKind(atPath: reference) {
            guard kind == .file else {
                throw InputError(file: reference, message: "is a folder: expected a theme file (TOML)")
            }
            return try read(path: reference, name: stem(reference), file: reference)
        }
        if isName(reference) {
            let user = userThemesFolder(environment: environment).appendingPathComponent(reference + ".toml").path
            if FileManager.default.fileExists(atPath: user) {
                return try read(path: user, name: reference, file: user)
            }
            if isBuiltin(reference) {
                return try theme(builtinText(reference), file: "builtin:\(reference)", name: reference)
            }
        }
        let names = available(environment: environment).map(\.name)
        throw InputError(file: reference,
                         message: "no theme named \"\(reference)\" and no such file: expected a theme file or one of the themes "
                             + names.joined(separator: ", "))
    }

    /// Every theme one can name: built-in ones, and user ones (which shadow a
    /// built-in of the same name), sorted by name.
    public static func available(environment: [String: String] = ProcessInfo.processInfo.environment) -> [ThemeInfo] {
        var themes: [String: ThemeInfo] = [:]
        for name in builtinNames {
            themes[name] = info(name: name, file: "builtin:\(name)", source: ThemeInfo.builtInSource) { () throws(InputError) in
                try builtinText(name)
            }
        }
        let folder = userThemesFolder(environment: environment)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in files where file.hasSuffix(".toml") {
            let name = String(file.dropLast(5))
            let path = folder.appendingPathComponent(file).path
            guard isName(name), !isFolder(path) else { continue }
            themes[name] = info(name: name, file: path, source: path) { () throws(InputError) in try readText(path, file: path) }
        }
        return themes.values.sorted { $0.name < $1.name }
    }

    static func read(path: String, name: String, file: String) throws(InputError) -> Theme {
        try theme(readText(path, file: file), file: file, name: name)
    }

    static func readText(_ path: String, file: String) throws(InputError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: file, message: "cannot be read: expected a readable TOML file")
        }
        return try text(data, file: file)
    }

    static func isFolder(_ path: String) -> Bool {
        PathKind(atPath: path) == .folder
    }

    /// `$XDG_CONFIG_HOME/interview`, by default `~/.config/interview` (`Config.folder`).
    static func configFolder(environment: [String: String]) -> URL {
        Config.folder(environment: environment)
    }

    static func userThemesFolder(environment: [String: String]) -> URL {
        configFolder(environment: environment).appendingPathComponent("themes")
    }
}
