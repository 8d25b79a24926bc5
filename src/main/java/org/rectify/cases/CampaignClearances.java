package org.rectify.cases;

import java.util.Optional;

/**
 * What the cases module needs to know of a campaign: its name and clearance date. Answered by the module that owns
 * the campaign table (campaigns), so that cases reads no table of a module that depends on it.
 */
public interface CampaignClearances {

    Optional<Cases.CampaignClearance> clearanceOf(long campaignId);
}
