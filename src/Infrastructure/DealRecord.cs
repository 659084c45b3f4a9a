using System.Reflection;
using System.Text;
using DealPipeline.Domain;

namespace DealPipeline.Infrastructure;

/// <summary>
/// A row of the <c>deals</c> table, column for column: the one full list of a deal's stored fields. The repository
/// stores and loads the <see cref="Deal"/> aggregate through it, the read model reads it (adding what it joins) and
/// the as-of view of reports rebuilds it; their column lists are derived from its properties (a property
/// <c>IntendedMinor</c> is the column <c>intended_minor</c>), so that a new field is a property here and its two
/// mapping lines, not an edit of each of those statements (reports still name the few columns they aggregate).
/// Not sealed: read models derive from it.
/// </summary>
public record DealRecord
{
    [NotSaved]
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public long CompanyId { get; set; }

    public long ParkId { get; set; }

    public long SectorId { get; set; }

    public long OwnerId { get; set; }

    public long? TeamId { get; set; }

    public DealSource Source { get; set; }

    public long? SourceEventId { get; set; }

    public long? ReferrerCompanyId { get; set; }

    public bool IsKeyProject { get; set; }

    public bool Confidential { get; set; }

    public string? CodeName { get; set; }

    public long IntendedMinor { get; set; }

    public string Currency { get; set; } = "";

    public long? ContractedMinor { get; set; }

    public long? ExpectedOutputMinor { get; set; }

    public long? ExpectedTaxMinor { get; set; }

    public int? ExpectedJobs { get; set; }

    public DateOnly? PlannedLandingOn { get; set; }

    public long? LandAreaCentimu { get; set; }

    public long? FixedAssetMinor { get; set; }

    /// <summary>The deal's number in the office's own ledger (台账编号), unique among live deals.</summary>
    public string? ExternalRef { get; set; }

    /// <summary>The earlier deal this one continues, and how (<see cref="PriorKind"/>): for event cohorts.</summary>
    public long? PriorDealId { get; set; }

    public PriorKind? PriorKind { get; set; }

    public Stage Stage { get; set; }

    public DealStatus Status { get; set; }

    public LostReason? LostReason { get; set; }

    public DateOnly OpenedOn { get; set; }

    public DateOnly? SignedOn { get; set; }

    public DateOnly? LandedOn { get; set; }

    public DateOnly? ConstructionStartedOn { get; set; }

    public DateOnly? ProductionStartedOn { get; set; }

    public DateOnly LastChangeOn { get; set; }

    /// <summary>The day of the deal's latest activity: a touch (<see cref="DealRepository.TouchAsync"/>), not part of the aggregate.</summary>
    [NotSaved]
    public DateOnly? LastActivityOn { get; set; }

    [NotSaved(OnUpdate = true)]
    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Every column, in the order of the properties.</summary>
    public static IReadOnlyList<string> ColumnNames => Layout.All;

    /// <summary>Every column of the alias <paramref name="alias"/> (<c>d.id, d.name, …</c>), for a read model's SELECT.</summary>
    public static string Select(string alias) => string.Join(", ", Layout.All.Select(c => $"{alias}.{c}"));

    /// <summary>The INSERT column list of a new deal (without its id, which the database assigns).</summary>
    internal static string InsertColumns => string.Join(", ", Layout.Inserted);

    /// <summary>The INSERT values, parameters named as the properties.</summary>
    internal static string InsertValues => string.Join(", ", Layout.Inserted.Select(Layout.Parameter));

    /// <summary>The assignments of an UPDATE that stores the aggregate (not its id, its creation time or its last activity).</summary>
    internal static string UpdateAssignments => string.Join(", ", Layout.Updated.Select(c => $"{c} = {Layout.Parameter(c)}"));

    /// <summary>
    /// The assignments of an UPDATE that stores <paramref name="after"/> over the stored row <paramref name="before"/>: only
    /// the columns whose values differ. SQLite leaves every index on columns an UPDATE does not assign untouched, so a stage
    /// change updates the seven indexes over the stage and the update time, not the deal's other twelve.
    /// </summary>
    internal static string ChangedAssignments(DealRecord before, DealRecord after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return string.Join(
            ", ",
            Layout.UpdatedProperties
                .Where(p => !Equals(p.Property.GetValue(before), p.Property.GetValue(after)))
                .Select(p => $"{p.Column} = {Layout.Parameter(p.Column)}"));
    }

    /// <summary>The row that stores <paramref name="deal"/>.</summary>
    public static DealRecord Of(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var t = deal.Terms;
        return new DealRecord
        {
            Id = deal.Id,
            Name = t.Name,
            CompanyId = t.CompanyId,
            ParkId = t.ParkId,
            SectorId = t.SectorId,
            OwnerId = t.OwnerId,
            TeamId = t.TeamId,
            Source = t.Source,
            SourceEventId = t.SourceEventId,
            ReferrerCompanyId = t.ReferrerCompanyId,
            IsKeyProject = t.IsKeyProject,
            Confidential = t.Confidential,
            CodeName = t.CodeName,
            IntendedMinor = t.IntendedInvestment,
            Currency = t.Currency,
            ContractedMinor = t.ContractedInvestment,
            ExpectedOutputMinor = t.ExpectedAnnualOutput,
            ExpectedTaxMinor = t.ExpectedAnnualTax,
            ExpectedJobs = t.ExpectedJobs,
            PlannedLandingOn = t.PlannedLandingOn,
            LandAreaCentimu = t.LandAreaCentimu,
            FixedAssetMinor = t.FixedAssetInvestment,
            ExternalRef = t.ExternalRef,
            PriorDealId = t.PriorDealId,
            PriorKind = t.PriorKind,
            Stage = deal.Stage,
            Status = deal.Status,
            LostReason = deal.LostReason,
            OpenedOn = deal.OpenedOn,
            SignedOn = deal.SignedOn,
            LandedOn = deal.LandedOn,
            ConstructionStartedOn = deal.ConstructionStartedOn,
            ProductionStartedOn = deal.ProductionStartedOn,
            LastChangeOn = deal.LastChangeOn,
            CreatedAt = deal.CreatedAt,
            UpdatedAt = deal.UpdatedAt,
            Version = deal.Version,
            DeletedAt = deal.DeletedAt,
        };
    }

    /// <summary>The deal's terms as the domain holds them.</summary>
    public DealTerms ToTerms() =>
        new(
            Name,
            CompanyId,
            ParkId,
            SectorId,
            OwnerId,
            TeamId,
            Source,
            SourceEventId,
            ReferrerCompanyId,
            IsKeyProject,
            Confidential,
            CodeName,
            IntendedMinor,
            Currency,
            ContractedMinor,
            ExpectedOutputMinor,
            ExpectedTaxMinor,
            ExpectedJobs,
            PlannedLandingOn,
            LandAreaCentimu,
            FixedAssetMinor,
            ExternalRef,
            PriorDealId,
            PriorKind);

    /// <summary>The aggregate this row stores.</summary>
    public Deal ToDeal() =>
        Deal.Rehydrate(
            Id,
            ToTerms(),
            Stage,
            Status,
            LostReason,
            OpenedOn,
            SignedOn,
            LandedOn,
            ConstructionStartedOn,
            ProductionStartedOn,
            LastChangeOn,
            CreatedAt,
            UpdatedAt,
            Version,
            DeletedAt);

    /// <summary>A column that saving the aggregate does not write (always, or only on update).</summary>
    [AttributeUsage(AttributeTargets.Property)]
    private sealed class NotSavedAttribute : Attribute
    {
        /// <summary>Written when the deal is added, never when it is updated.</summary>
        public bool OnUpdate { get; init; }
    }

    /// <summary>The column lists, derived once from the properties declared on <see cref="DealRecord"/> itself.</summary>
    private static class Layout
    {
        private static readonly PropertyInfo[] Properties =
            typeof(DealRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.CanWrite)
                .ToArray();

        public static readonly string[] All = [.. Properties.Select(p => Column(p.Name))];

        public static readonly string[] Inserted =
            [.. Properties.Where(p => p.GetCustomAttribute<NotSavedAttribute>() is null or { OnUpdate: true }).Select(p => Column(p.Name))];

        public static readonly (PropertyInfo Property, string Column)[] UpdatedProperties =
            [.. Properties.Where(p => p.GetCustomAttribute<NotSavedAttribute>() is null).Select(p => (p, Column(p.Name)))];

        public static readonly string[] Updated = [.. UpdatedProperties.Select(p => p.Column)];

        /// <summary>The parameter of a column: <c>intended_minor</c> is <c>@IntendedMinor</c>.</summary>
        public static string Parameter(string column) =>
            "@" + string.Concat(column.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

        /// <summary>The column of a property: <c>IntendedMinor</c> is <c>intended_minor</c> (Dapper maps it back, MatchNamesWithUnderscores).</summary>
        private static string Column(string property)
        {
            var column = new StringBuilder(property.Length + 4);
            foreach (var c in property)
            {
                if (char.IsUpper(c) && column.Length > 0)
                {
                    column.Append('_');
                }

                column.Append(char.ToLowerInvariant(c));
            }

            return column.ToString();
        }
    }
}
