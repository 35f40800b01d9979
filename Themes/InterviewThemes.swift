/// The built-in themes: every `NAME.toml` of this target (its folder is the package's
/// `Themes/`), compiled into the binary by the EmbedResources plugin. InterviewCore's
/// `ThemeLoader` reads them from here, with no file opened.
public enum InterviewThemes {
    /// The names of the built-in themes (the files' names without `.toml`), sorted.
    public static let names: [String] = EmbeddedResources.names
        .filter { $0.hasSuffix(".toml") }
        .map { String($0.dropLast(5)) }

    /// The bytes of the built-in theme `name`'s file, exactly as in `Themes/`; nil when
    /// there is no such built-in theme.
    public static func bytes(_ name: String) -> [UInt8]? {
        EmbeddedResources.bytes(name + ".toml")
    }
}
