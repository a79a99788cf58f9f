namespace ShortBreaks.Core.Demo;

internal sealed partial class DemoCountyGenerator
{
    /// <summary>One in this many children on a short breaks offer has no key worker in the demo county.</summary>
    public const int UnallocatedEvery = 40;

    private async Task AddRolesAsync(CancellationToken ct)
    {
        // A database can have its roles already (the web host may create them): keep those, add the rest.
        var existing = await _db.Roles.AsNoTracking().ToListAsync(ct);
        foreach (var role in existing.Where(r => r.Name is not null))
        {
            _roleIds[role.Name!] = role.Id;
        }

        foreach (var name in Roles.All)
        {
            var id = _random.Id(_today.AddYears(-3).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).ToString();
            if (_roleIds.ContainsKey(name)) continue;
            _db.Roles.Add(new IdentityRole { Id = id, Name = name, NormalizedName = name.ToUpperInvariant() });
            _roleIds[name] = id;
        }
    }

    private void AddStaff(int childrenWithKeyWorker, int targeted)
    {
        var caseloads = _scheme.Caseloads;
        var officers = (int)Math.Round(childrenWithKeyWorker / ((caseloads.PersonalisationOfficerMinimum + caseloads.PersonalisationOfficerMaximum) / 2.0));
        officers = Math.Max(Math.Max(1, officers), (childrenWithKeyWorker + caseloads.PersonalisationOfficerMaximum - 1) / caseloads.PersonalisationOfficerMaximum);
        var reviewers = Math.Max(1, (targeted + caseloads.ReviewingOfficerReviews - 1) / caseloads.ReviewingOfficerReviews);
        var managers = Math.Max(1, (officers + 7) / 8);
        _teamCount = Math.Min(managers, DemoNames.Teams.Count);

        foreach (var login in DemoCounty.Logins)
        {
            var user = AddUser(login.Email, login.DisplayName, login.Role, withPassword: true);
            switch (login.Role)
            {
                case Roles.PersonalisationOfficer: _officers.Add(new(user.Id, user.DisplayName)); break;
                case Roles.ReviewingOfficer: _reviewers.Add(new(user.Id, user.DisplayName)); break;
                case Roles.TeamManager: _managers.Add(new(user.Id, user.DisplayName)); break;
                case Roles.Family when login.Email.StartsWith("parent@", StringComparison.Ordinal): _parentUserId = user.Id; break;
            }

            if (login.Role != Roles.Family) _staff++;
        }

        AddMoreStaff(_officers, officers, "officer", Roles.PersonalisationOfficer);
        AddMoreStaff(_reviewers, reviewers, "reviewer", Roles.ReviewingOfficer);
        AddMoreStaff(_managers, managers, "manager", Roles.TeamManager);
    }

    private void AddMoreStaff(List<StaffMember> team, int size, string emailPrefix, string role)
    {
        while (team.Count < size)
        {
            var name = $"{_random.Pick(DemoNames.AdultFirstNames)} {_random.Pick(DemoNames.LastNames)}";
            var user = AddUser($"{emailPrefix}{team.Count + 1}@{DemoCounty.EmailDomain}", name, role, withPassword: false);
            team.Add(new(user.Id, user.DisplayName));
            _staff++;
        }
    }

    private AppUser AddUser(string email, string displayName, string role, bool withPassword)
    {
        var createdAt = _random.TimeOn(_today.AddDays(-_random.Between(30, 5 * 365)), 9, 17);
        var user = new AppUser
        {
            Id = _random.Id(createdAt).ToString(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            DisplayName = displayName,
            CreatedAt = createdAt,
            Team = Roles.KeyWorkers.Contains(role) ? DemoNames.Teams[_teamTurn++ % _teamCount] : null,
        };

        // Only the demo logins can sign in: hashing is slow on purpose, and the generated accounts need no password.
        if (withPassword)
        {
            user.PasswordHash = _hasher.HashPassword(user, DemoCounty.Password);

            // Staff sign in with a second factor: the demo staff logins come enrolled with the demo authenticator key.
            if (role != Roles.Family)
            {
                user.TwoFactorEnabled = true;
                _db.UserTokens.Add(Authenticator.KeyToken(user.Id, Authenticator.DemoKey));
            }
        }

        _db.Users.Add(user);
        _db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = _roleIds[role] });
        return user;
    }

    private AppUser AddFamilyAccount(string displayName)
    {
        _familyAccounts++;
        return AddUser($"family{_familyAccounts}@{DemoCounty.EmailDomain}", displayName, Roles.Family, withPassword: false);
    }
}
