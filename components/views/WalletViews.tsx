import { viewLabel, type ViewId } from '@/lib/ui/views';
import { KeysSection } from '../KeysSection';
import { SitesSection } from '../SitesSection';
import { LocalAppsSection } from '../LocalAppsSection';
import { DashboardSection } from '../DashboardSection';
import { LedgerSection } from '../LedgerSection';
import { PricesSection } from '../PricesSection';
import { RequestSettings } from '../RequestSettings';
import { OverBudgetSetting } from '../OverBudgetSetting';
import { AutoLockSetting, VaultSection } from '../VaultSection';
import { AuditSection } from '../AuditSection';
import { View } from './View';

/**
 * The unlocked wallet's views (lib/ui/views.ts). Local apps sit with the sites: a connected app is
 * listed among them, and Allow local apps is how one gets there.
 */
export function WalletView({ view, autoLockMinutes }: { view: ViewId; autoLockMinutes: number }) {
  switch (view) {
    case 'keys':
      return <KeysSection />;
    case 'sites':
      return (
        <View title={viewLabel('sites')}>
          <SitesSection />
          <LocalAppsSection />
        </View>
      );
    case 'usage':
      return (
        <View title={viewLabel('usage')}>
          <DashboardSection />
          <LedgerSection />
        </View>
      );
    case 'settings':
      return (
        <View title={viewLabel('settings')}>
          <OverBudgetSetting />
          <RequestSettings />
          <PricesSection />
        </View>
      );
    case 'security':
      return (
        <View title={viewLabel('security')}>
          <AutoLockSetting minutes={autoLockMinutes} />
          <VaultSection />
          <AuditSection />
        </View>
      );
  }
}
