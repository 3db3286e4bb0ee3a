package main

import (
	"context"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/pomi-planner/pomi/server/auth"
	"github.com/pomi-planner/pomi/server/pgstore"
)

func runOrgCreate(ctx context.Context, args []string, io stdio) error {
	f := newFlags("org create", io.err)
	name := f.String("name", "", "the organisation's name")
	if err := f.parse(args); err != nil {
		return err
	}
	clean, err := auth.CleanName(*name)
	if err != nil {
		return usagef("org create: --name: %v", err)
	}
	return f.withStore(ctx, func(s *pgstore.Store) error {
		o, err := s.CreateOrganisation(ctx, clean)
		if err != nil {
			return err
		}
		fmt.Fprintf(io.out, "created organisation %d %q\n", o.ID, o.Name)
		return nil
	})
}

func runOrgList(ctx context.Context, args []string, io stdio) error {
	f := newFlags("org list", io.err)
	if err := f.parse(args); err != nil {
		return err
	}
	return f.withStore(ctx, func(s *pgstore.Store) error {
		orgs, err := s.ListOrganisations(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(io.out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tCREATED")
		for _, o := range orgs {
			fmt.Fprintf(tw, "%d\t%s\t%s\n", o.ID, o.Name, o.CreatedAt.Format(time.DateOnly))
		}
		return tw.Flush()
	})
}

func runAdvisorAdd(ctx context.Context, args []string, io stdio) error {
	f := newFlags("advisor add", io.err)
	org := f.String("org", "", "the organisation's id or name")
	name := f.String("name", "", "the advisor's name")
	email := f.String("email", "", "the advisor's e-mail address, used to sign in")
	if err := f.parseRequired(args, map[string]*string{"org": org, "name": name, "email": email}); err != nil {
		return err
	}
	cleanName, err := auth.CleanName(*name)
	if err != nil {
		return usagef("advisor add: --name: %v", err)
	}
	cleanEmail, err := auth.CleanEmail(*email)
	if err != nil {
		return usagef("advisor add: --email: %v", err)
	}
	return f.withOrg(ctx, *org, func(s *pgstore.Store, o pgstore.Organisation) error {
		hash, err := readPasswordHash(io)
		if err != nil {
			return err
		}
		a, err := s.AddAdvisor(ctx, o.ID, cleanName, cleanEmail, hash)
		if err != nil {
			return err
		}
		fmt.Fprintf(io.out, "added advisor %d %s to %q\n", a.ID, a.Email, o.Name)
		return nil
	})
}

func runAdvisorPassword(ctx context.Context, args []string, io stdio) error {
	f := newFlags("advisor password", io.err)
	email := f.String("email", "", "the advisor's e-mail address")
	if err := f.parseRequired(args, map[string]*string{"email": email}); err != nil {
		return err
	}
	return f.withStore(ctx, func(s *pgstore.Store) error {
		hash, err := readPasswordHash(io)
		if err != nil {
			return err
		}
		a, err := s.SetPassword(ctx, normEmail(*email), hash)
		if err != nil {
			return err
		}
		fmt.Fprintf(io.out, "new password set for %s\n", a.Email)
		return nil
	})
}

func runAdvisorDisable(ctx context.Context, args []string, io stdio, disable bool) error {
	verb := map[bool]string{true: "disable", false: "enable"}[disable]
	f := newFlags("advisor "+verb, io.err)
	email := f.String("email", "", "the advisor's e-mail address")
	if err := f.parseRequired(args, map[string]*string{"email": email}); err != nil {
		return err
	}
	return f.withStore(ctx, func(s *pgstore.Store) error {
		a, err := s.SetAdvisorDisabled(ctx, normEmail(*email), disable)
		if err != nil {
			return err
		}
		fmt.Fprintf(io.out, "advisor %s %sd\n", a.Email, verb)
		return nil
	})
}

func runAdvisorList(ctx context.Context, args []string, io stdio) error {
	f := newFlags("advisor list", io.err)
	org := f.String("org", "", "the organisation's id or name")
	if err := f.parseRequired(args, map[string]*string{"org": org}); err != nil {
		return err
	}
	return f.withOrg(ctx, *org, func(s *pgstore.Store, o pgstore.Organisation) error {
		advisors, err := s.ListAdvisors(ctx, o.ID)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(io.out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tEMAIL\tNAME\tSTATE")
		for _, a := range advisors {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", a.ID, a.Email, a.Name, map[bool]string{true: "disabled", false: "active"}[a.Disabled])
		}
		return tw.Flush()
	})
}

func runDeviceList(ctx context.Context, args []string, io stdio) error {
	f := newFlags("device list", io.err)
	org := f.String("org", "", "the organisation's id or name")
	email := f.String("email", "", "only this advisor's devices")
	if err := f.parseRequired(args, map[string]*string{"org": org}); err != nil {
		return err
	}
	return f.withOrg(ctx, *org, func(s *pgstore.Store, o pgstore.Organisation) error {
		devs, err := s.ListDevices(ctx, o.ID, normEmail(*email))
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(io.out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tADVISOR\tDEVICE\tSIGNED IN\tLAST SEEN\tSTATE")
		for _, d := range devs {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", d.ID, d.AdvisorEmail, d.Name,
				d.CreatedAt.Format(time.DateTime), d.LastSeenAt.Format(time.DateTime), deviceState(d))
		}
		return tw.Flush()
	})
}

// deviceState is a device's state as the list shows it.
func deviceState(d pgstore.Device) string {
	switch {
	case d.Revoked:
		return "revoked"
	case d.ExpiresAt.Before(time.Now()):
		return "expired"
	}
	return "active"
}

func runDeviceRevoke(ctx context.Context, args []string, io stdio) error {
	f := newFlags("device revoke", io.err)
	org := f.String("org", "", "the organisation's id or name")
	id := f.String("id", "", "the device's id (pomi-server device list shows them)")
	if err := f.parseRequired(args, map[string]*string{"org": org, "id": id}); err != nil {
		return err
	}
	devID, err := strconv.ParseInt(*id, 10, 64)
	if err != nil || devID <= 0 {
		return usagef("device revoke: --id must be a device number")
	}
	return f.withOrg(ctx, *org, func(s *pgstore.Store, o pgstore.Organisation) error {
		d, err := s.RevokeDevice(ctx, o.ID, devID)
		if err != nil {
			return err
		}
		fmt.Fprintf(io.out, "revoked device %d %q of %s\n", d.ID, d.Name, d.AdvisorEmail)
		return nil
	})
}
