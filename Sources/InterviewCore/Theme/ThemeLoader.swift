import Foundation
import InterviewThemes
import TOMLKit

/// A theme one can choose: its name (what `--theme` takes), its description, and
/// where it comes from: "built-in", or the path of a user file.
public struct ThemeInfo: Hashable, Sendable {
    public var name: String
    public var description: String
    public var source: String

    public init(name: String, description: String, source: String) {
        self.name = name
        self.description = description
        self.source = source
    }

    public static let builtInSource = "built-in"
}

/// Finds themes by path or name and reads them. Pure: files and the environment in,
/// a `Theme` out; nothing touches a terminal.
///
/// A name is looked up in `$XDG_CONFIG_HOME/interview/themes/NAME.toml` (by default
/// `~/.config/interview/themes/`), which shadows a built-in theme of the same name,
/// then among the built-in themes. A user theme may leave roles out: they come from
/// its `base` built-in theme, `default` unless it says otherwise.
public enum ThemeLoader {
    /// The theme used when neither `--theme` nor config.toml names one.
    public static let defaultName = "default"

    /// `reference` is a file path (when such a file exists) or a theme name.
    public static func load(_ reference: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(InputError) -> Theme {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: reference, isDirectory: &isFolder) {
            guard !isFolder.boolValue else {
                throw InputError(file: reference, line: 1, column: 1, message: "is a folder: expected a theme file (TOML)")
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
        throw InputError(file: reference, line: 1, column: 1,
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

    /// Reads a theme file's text. `file` names it in errors and gives the theme its
    /// name (the file's name without `.toml`) unless the file has a `name` key. Roles
    /// the file leaves out come from its `base` built-in theme (`default` if none).
    public static func parse(_ text: String, file: String) throws(InputError) -> Theme {
        try theme(text, file: file, name: nil)
    }

    // MARK: - Internals

    /// Names of the themes compiled into the binary (every `Themes/NAME.toml`), sorted.
    static var builtinNames: [String] { InterviewThemes.names }

    /// The bytes of built-in theme `name`'s file, from the binary: no file is opened.
    static func builtinBytes(_ name: String) -> [UInt8]? {
        isName(name) ? InterviewThemes.bytes(name) : nil
    }

    static func isBuiltin(_ name: String) -> Bool { builtinBytes(name) != nil }

    /// The text of built-in theme `name`'s file.
    static func builtinText(_ name: String) throws(InputError) -> String {
        guard let bytes = builtinBytes(name) else {
            throw InputError(file: "builtin:\(name)", line: 1, column: 1, message: "no such built-in theme")
        }
        return try text(Data(bytes), file: "builtin:\(name)")
    }

    /// A built-in theme as its file defines it, roles left out included.
    static func builtinDefinition(_ name: String) throws(InputError) -> ThemeDefinition {
        try ThemeParser.definition(builtinText(name), file: "builtin:\(name)")
    }

    /// Fills the roles a definition leaves out from its base built-in theme, and what
    /// plain text for anything still missing.
    static func complete(_ definition: ThemeDefinition, name: String) -> Theme {
        var styles = definition.styles
        if !definition.missingRoles.isEmpty {
            let base = (try? builtinDefinition(definition.base ?? defaultName))?.styles ?? [:]
            for role in definition.missingRoles {
                styles[role] = base[role] ?? RoleStyle()
            }
        }
        return Theme(name: name, styles: styles)
    }

    static func read(path: String, name: String, file: String) throws(InputError) -> Theme {
        try theme(readText(path, file: file), file: file, name: name)
    }

    /// A complete theme from a file's text; named `name`, else by its `name` key, else after the file.
    static func theme(_ text: String, file: String, name: String?) throws(InputError) -> Theme {
        let definition = try ThemeParser.definition(text, file: file)
        if let base = definition.base, !isBuiltin(base) {
            let place = TOMLLocator(text).place(["base"])
            throw InputError(file: file, line: place?.line ?? 1, column: place?.valueColumn ?? 1,
                             message: "unknown base theme \"\(base)\": expected one of the built-in themes " + builtinNames.joined(separator: ", "))
        }
        return complete(definition, name: name ?? definition.name ?? stem(file))
    }

    static func readText(_ path: String, file: String) throws(InputError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: file, line: 1, column: 1, message: "cannot be read: expected a readable TOML file")
        }
        return try text(data, file: file)
    }

    /// A theme file's bytes as text: UTF-8, a byte-order mark dropped.
    static func text(_ data: Data, file: String) throws(InputError) -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: file, line: 1, column: 1, message: "is not UTF-8: expected TOML text")
        }
        return text.hasPrefix("\u{feff}") ? String(text.dropFirst()) : text
    }

    static func info(name: String, file: String, source: String,
                     text read: () throws(InputError) -> String) -> ThemeInfo {
        do {
            let text = try read()
            return ThemeInfo(name: name, description: try ThemeParser.definition(text, file: file).description, source: source)
        } catch {
            return ThemeInfo(name: name, description: "(cannot be used: \(error))", source: source)
        }
    }

    /// A theme name: letters, digits, `-`, `_` and `.`, not starting with a dot.
    static func isName(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix(".")
            && text.unicodeScalars.allSatisfy { TOMLLocator.Scanner.isBare($0) || $0 == "." }
    }

    static func stem(_ path: String) -> String {
        let last = URL(fileURLWithPath: path).lastPathComponent
        return last.hasSuffix(".toml") ? String(last.dropLast(5)) : last
    }

    static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    /// `$XDG_CONFIG_HOME/interview`, by default `~/.config/interview` (`Config.folder`).
    static func configFolder(environment: [String: String]) -> URL {
        Config.folder(environment: environment)
    }

    static func userThemesFolder(environment: [String: String]) -> URL {
        configFolder(environment: environment).appendingPathComponent("themes")
    }
}
