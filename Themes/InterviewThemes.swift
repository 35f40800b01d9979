import Foundation

/// The built-in themes, shipped as resources of this target (its folder is the
/// package's `Themes/`). InterviewKit's `ThemeLoader` reads them from here.
public enum InterviewThemes {
    /// The folder that holds the built-in `NAME.toml` files in the built product
    /// (next to the binary: `interview_InterviewThemes.resources`), or nil.
    public static var folder: URL? { Bundle.module.resourceURL }

    /// The built-in theme files, sorted by name.
    public static var files: [URL] {
        guard let folder,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".toml") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
