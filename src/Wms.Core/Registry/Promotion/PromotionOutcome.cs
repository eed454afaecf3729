using Wms.Core.Tracking;

namespace Wms.Core.Registry.Promotion;

/// <summary>What a promotion, rollback or archive did.</summary>
/// <param name="Changed">False when nothing had to change (promoting the Production version again).</param>
/// <param name="Kind">promote, rollback or archive.</param>
/// <param name="Version">The version promoted (or archived), as stored afterwards.</param>
/// <param name="Previous">The version that was Production before and is now Archived with alias previous.</param>
/// <param name="Run">The version's source run, when it still exists.</param>
/// <param name="Message">One line for the user.</param>
public sealed record PromotionOutcome(bool Changed, string Kind, ModelVersion Version, ModelVersion? Previous, Run? Run, string Message);
