// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/collectwizard.h"

#include "wizard/buildpage.h"
#include "wizard/consentpage.h"
#include "wizard/contentspage.h"
#include "wizard/donepage.h"
#include "wizard/previewpage.h"
#include "wizard/scrubbingpage.h"
#include "wizard/sourcepage.h"
#include "wizard/wizardcontroller.h"

namespace supportzip::ui {

CollectWizard::CollectWizard(WizardController* controller, QWidget* parent)
    : QWizard(parent)
    , m_controller(controller) {
    setObjectName(QStringLiteral("collectWizard"));
    setWindowTitle(tr("Collect a support bundle"));
    // Modern style on every platform: title and subtitle on top, no watermark images, so the
    // pages follow the platform palette (light or dark) without artwork of their own.
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButton);
    setPage(Source, new SourcePage(controller, this));
    setPage(Contents, new ContentsPage(controller, this));
    setPage(Scrubbing, new ScrubbingPage(controller, this));
    setPage(Preview, new PreviewPage(controller, this));
    setPage(Consent, new ConsentPage(controller, this));
    setPage(Build, new BuildPage(controller, this));
    setPage(Done, new DonePage(controller, this));
    setStartId(Source);
}

} // namespace supportzip::ui
