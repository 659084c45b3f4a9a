namespace DealPipeline.Domain;

/// <summary>What a user may do: admins run the system, managers the pipeline, officers their deals; analysts (and BI tools) only read.</summary>
public enum Role
{
    Admin = 1,
    Manager = 2,
    Officer = 3,
    Analyst = 4,
}
