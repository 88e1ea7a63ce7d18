package main

import (
	"fmt"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

// Values of -container-views: how the simulator offers ViewManager.CreateContainerView,
// so clients can be tested against servers without container views (an ESX host of an
// old release, a restricted endpoint) as well as with them.
const (
	viewsAvailable   = "available"
	viewsAbsent      = "absent"
	viewsUnsupported = "unsupported"
)

// unsupportedViews replaces the simulator's ViewManager: every CreateContainerView
// faults with NotSupported, the answer of a server that has the manager but no views.
type unsupportedViews struct {
	*simulator.ViewManager
}

func (v *unsupportedViews) CreateContainerView(ctx *simulator.Context, req *types.CreateContainerView) soap.HasFault {
	return &methods.CreateContainerViewBody{
		Fault_: simulator.Fault("container views are not supported by this server", &types.NotSupported{}),
	}
}

// configureViews applies -container-views to the created model.
func configureViews(mode string) error {
	instance := simulator.Map.Get(vim25.ServiceInstance).(*simulator.ServiceInstance)
	switch mode {
	case viewsAvailable:
		return nil
	case viewsAbsent:
		// RetrieveServiceContent returns this struct: without the reference a client
		// sees no view manager at all.
		instance.Content.ViewManager = nil
		return nil
	case viewsUnsupported:
		manager := simulator.Map.Get(*instance.Content.ViewManager).(*simulator.ViewManager)
		simulator.Map.Put(&unsupportedViews{manager})
		return nil
	default:
		return fmt.Errorf("unknown -container-views %q (want %s, %s or %s)", mode, viewsAvailable, viewsAbsent, viewsUnsupported)
	}
}
