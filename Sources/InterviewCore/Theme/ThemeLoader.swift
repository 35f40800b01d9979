#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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

/// Reads themes: built-in ones (compiled into the binary) and the text of theme files.
/// Pure: text in, a `Theme` out; nothing touches a terminal or a file (InterviewStore
/// finds the files: `ThemeLoader.load`, `ThemeLoader.available`).
///
/// A name is looked up in `$XDG_CONFIG_HOME/interview/themes/NAME.toml` (by default
/// `~/.config/interview/themes/`), which shadows a built-in theme of the same name,
/// then among the built-in themes. A user theme may leave roles out: they come from
/// its `base` built-in theme, `default` unless it says otherwise.
public enum ThemeLoader {
    /// The theme used when neither `--theme` nor config.toml names one.
    public static let defaultName = "default"

    /// Reads a theme file's text. `file` names it in errors and gives the theme its
    /// name (the file's name without `.toml`) unless the file has a `name` key. Roles
    /// the file leaves out come from its `base` built-in theme (`default` if none).
    public static func parse(_ text: String, file: String) throws(InputError) -> Theme {
        try theme(text, file: file, name: nil)
    }

    // MARK: - Internals

    /// Names of the themes compiled into the binary (every `Themes/NAME.toml`), sorted.
    package static var builtinNames: [String] { InterviewThemes.names }

    /// The bytes of built-in theme `name`'s file, from the binary: no file is opened.
    static func builtinBytes(_ name: String) -> [UInt8]? {
        isName(name) ? InterviewThemes.bytes(name) : nil
    }

    package static func isBuiltin(_ name: String) -> Bool { builtinBytes(name) != nil }

    /// The text of built-in theme `name`'s file.
    package static func builtinText(_ name: String) throws(InputError) -> String {
        guard let bytes = builtinBytes(name) else {
            throw InputError(file: "builtin:\(name)", message: "no such built-in theme")
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

    /// A complete theme from a file's text; named `name`, else by its `name` key, else after the file.
    package static func theme(_ text: String, file: String, name: String?) throws(InputError) -> Theme {
        let definition = try ThemeParser.definition(text, file: file)
        if let base = definition.base, !isBuiltin(base) {
            let place = TOMLLocator(text).place(["base"])
            throw InputError(file: file, line: place?.line ?? 1, column: place?.valueColumn ?? 1,
                             message: "unknown base theme \"\(base)\": expected one of the built-in themes " + builtinNames.joined(separator: ", "))
        }
        return complete(definition, name: name ?? definition.name ?? stem(file))
    }

    /// A theme file's bytes as text: UTF-8, a byte-order mark dropped.
    package static func text(_ data: Data, file: String) throws(InputError) -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: file, message: "is not UTF-8: expected TOML text")
        }
        return text.hasPrefix("\u{feff}") ? String(text.dropFirst()) : text
    }

    package static func info(name: String, file: String, source: String,
                     text read: () throws(InputError) -> String) -> ThemeInfo {
        do {
            let text = try read()
            return ThemeInfo(name: name, description: try ThemeParser.definition(text, file: file).description, source: source)
        } catch {
            return ThemeInfo(name: name, description: "(cannot be used: \(error))", source: source)
        }
    }

    /// A theme name: letters, digits, `-`, `_` and `.`, not starting with a dot.
    package static func isName(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix(".")
            && text.unicodeScalars.allSatisfy { TOMLLocator.Scanner.isBare($0) || $0 == "." }
    }

    package static func stem(_ path: String) -> String {
        let last = URL(fileURLWithPath: path).lastPathComponent
        return last.hasSuffix(".toml") ? String(last.dropLast(5)) : last
    }
}
