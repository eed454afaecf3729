namespace Wms.Core.DataQuality;

/// <summary>Every check `wms data validate` runs, in report order.</summary>
public static class DataChecks
{
    public static readonly DataCheck MissingDirectory = new("missing_directory", Severity.Error, "images/ or masks/ folder not found");
    public static readonly DataCheck UnsupportedFile = new("unsupported_file", Severity.Error, "Files that are not .jpg, .jpeg or .png");
    public static readonly DataCheck Unreadable = new("unreadable", Severity.Error, "Empty, truncated or undecodable files");
    public static readonly DataCheck DuplicateName = new("duplicate_name", Severity.Error, "Two files with one stem in a folder (ambiguous pair)");
    public static readonly DataCheck MissingMask = new("missing_mask", Severity.Error, "Photos without a mask");
    public static readonly DataCheck MissingImage = new("missing_image", Severity.Error, "Masks without a photo");
    public static readonly DataCheck SizeMismatch = new("size_mismatch", Severity.Error, "Photo and mask sizes differ (after EXIF orientation)");
    public static readonly DataCheck NotAMask = new("not_a_mask", Severity.Error, "Masks that are not black-and-white masks");
    public static readonly DataCheck EmptyMask = new("empty_mask", Severity.Error, "Empty masks");
    public static readonly DataCheck NearEmptyMask = new("near_empty_mask", Severity.Error, "Near-empty masks");
    public static readonly DataCheck DuplicatePhoto = new("duplicate_photo", Severity.Error, "The same photo under two names");
    public static readonly DataCheck NoPairs = new("no_pairs", Severity.Error, "No valid image-mask pairs");
    public static readonly DataCheck MistypedFile = new("mistyped_file", Severity.Warning, "Extension does not match the content");
    public static readonly DataCheck CoverageOutlier = new("coverage_outlier", Severity.Warning, "Mask coverage outliers (beyond median +- 3 MAD)");
    public static readonly DataCheck CentroidOutlier = new("centroid_outlier", Severity.Warning, "Mask position outliers (beyond median +- 3 MAD)");
    public static readonly DataCheck IgnoredEntry = new("ignored_entry", Severity.Warning, "Hidden files and sub-folders (not used)");

    public static readonly IReadOnlyList<DataCheck> All =
    [
        MissingDirectory, UnsupportedFile, Unreadable, DuplicateName, MissingMask, MissingImage, SizeMismatch, NotAMask,
        EmptyMask, NearEmptyMask, DuplicatePhoto, NoPairs, MistypedFile, CoverageOutlier, CentroidOutlier, IgnoredEntry,
    ];
}
