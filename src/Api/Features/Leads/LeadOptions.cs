using System.ComponentModel.DataAnnotations;

namespace DealPipeline.Api.Features.Leads;

/// <summary>
/// The <c>Leads</c> configuration section: when a lead late on a deadline is escalated (its owner the day after the
/// deadline, the team's managers and then a flag some working days on), when a lead left untouched goes back to the
/// shared pool, and how often the service checks. The deadlines themselves are the office's deadline rules
/// (/deadline-rules; Jiangmen's 江府办函〔2024〕37号 answers a lead within a working day and assesses it within three).
/// </summary>
public sealed class LeadOptions : IValidatableObject
{
    public const string Section = "Leads";

    /// <summary>Working days after a deadline passed at which the team's managers are told.</summary>
    [Range(1, 250, ErrorMessage = "Leads:TeamLeadAfterWorkingDays is between 1 and 250.")]
    public int TeamLeadAfterWorkingDays { get; set; } = 2;

    /// <summary>Working days after a deadline passed at which the lead is flagged.</summary>
    [Range(2, 250, ErrorMessage = "Leads:FlagAfterWorkingDays is between 2 and 250.")]
    public int FlagAfterWorkingDays { get; set; } = 5;

    /// <summary>Working days without contact after which a lead an officer has goes back to the shared pool (公海).</summary>
    [Range(1, 250, ErrorMessage = "Leads:RecycleAfterWorkingDays is between 1 and 250.")]
    public int RecycleAfterWorkingDays { get; set; } = 10;

    /// <summary>How often, in minutes, the service escalates and recycles leads (an admin may also run it: POST /api/v1/leads/sweep).</summary>
    [Range(1, 1440, ErrorMessage = "Leads:SweepMinutes is between 1 and 1440.")]
    public int SweepMinutes { get; set; } = 15;

    public LeadPolicy ToPolicy() => new(TeamLeadAfterWorkingDays, FlagAfterWorkingDays, RecycleAfterWorkingDays);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FlagAfterWorkingDays <= TeamLeadAfterWorkingDays)
        {
            yield return new ValidationResult("Leads:FlagAfterWorkingDays is above Leads:TeamLeadAfterWorkingDays.", [nameof(FlagAfterWorkingDays)]);
        }
    }
}
